import type { SpeechTurn, Turn } from "../store/transcript/types";

/** The formats {@link exportTranscript} writes. */
export type TranscriptFormat = "json" | "markdown" | "webvtt";

/** Options of {@link exportTranscript}. */
export interface ExportTranscriptOptions {
  /** Default "You". */
  userLabel?: string;
  /** Default "Bot". */
  botLabel?: string;
}

const iso = (ms: number | null): string | null => (ms !== null && Number.isFinite(ms) ? new Date(ms).toISOString() : null);

function toJson(turns: readonly Turn[]): string {
  const rows = turns.map((t) => {
    if (t.role === "function_call")
      return { id: t.id, role: t.role, functionName: t.functionName, toolCallId: t.toolCallId, args: t.args, result: t.result, cancelled: t.cancelled, startedAt: iso(t.startedAt), endedAt: iso(t.endedAt) };
    if (t.role === "system") return { id: t.id, role: t.role, kind: t.kind, text: t.text, fatal: t.fatal, startedAt: iso(t.startedAt) };
    return { id: t.id, role: t.role, text: t.text, interrupted: t.interrupted, unspokenText: t.unspokenText || undefined, final: t.final, startedAt: iso(t.startedAt), endedAt: iso(t.endedAt) };
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function clock(ms: number, withMillis: boolean): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}${withMillis ? `.${pad(total % 1000, 3)}` : ""}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return String(value);
  }
}

// Transcript text is user and model output: it must read as text, not as Markdown.
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]<>#|~])/g, "\\$1").replace(/\n/g, "  \n");

function toMarkdown(turns: readonly Turn[], user: string, bot: string): string {
  const origin = turns[0]?.startedAt ?? 0;
  const lines = ["# Transcript", ""];
  for (const t of turns) {
    const at = clock(t.startedAt - origin, false);
    if (t.role === "function_call") {
      const call = `${t.functionName ?? "function"}(${safeJson(t.args)})`;
      const result = t.cancelled ? "cancelled" : t.result === undefined ? "…" : safeJson(t.result);
      lines.push(`- \`${at}\` _Function call_ \`${call.replace(/`/g, "'")}\` → \`${result.replace(/`/g, "'")}\``);
    } else if (t.role === "system") {
      lines.push(`- \`${at}\` _${t.kind === "error" ? "Error" : "Notice"}:_ ${escapeMarkdown(t.text)}`);
    } else if (t.text) {
      const who = t.role === "assistant" ? bot : user;
      lines.push(`- \`${at}\` **${escapeMarkdown(who)}:** ${escapeMarkdown(t.text)}${t.interrupted ? " _(interrupted)_" : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const escapeVtt = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function toWebVtt(turns: readonly Turn[], user: string, bot: string): string {
  const origin = turns[0]?.startedAt ?? 0;
  const speech = turns.filter((t): t is SpeechTurn => (t.role === "user" || t.role === "assistant") && t.text.trim() !== "");
  const cues = speech.map((t, i) => {
    const start = t.startedAt - origin;
    const next = speech[i + 1]?.startedAt;
    // An open turn has no end yet: run it until the next one, or give it a reading time.
    const end = t.endedAt ?? next ?? t.startedAt + Math.max(1000, t.text.length * 60);
    const who = escapeVtt(t.role === "assistant" ? bot : user);
    return `${i + 1}\n${clock(start, true)} --> ${clock(Math.max(end - origin, start + 1), true)}\n<v ${who}>${escapeVtt(t.text.replace(/\n+/g, " "))}`;
  });
  return ["WEBVTT", ...cues].join("\n\n") + "\n";
}

/**
 * Writes a conversation as JSON, Markdown or WebVTT. Pure: the same turns give the same
 * text. Timestamps come from the turns (`startedAt`/`endedAt`); Markdown times and WebVTT
 * cues count from the first turn. Only spoken text is exported, never the unspoken tail.
 */
export function exportTranscript(turns: readonly Turn[], format: TranscriptFormat, options: ExportTranscriptOptions = {}): string {
  const { userLabel = "You", botLabel = "Bot" } = options;
  if (format === "json") return toJson(turns);
  if (format === "markdown") return toMarkdown(turns, userLabel, botLabel);
  return toWebVtt(turns, userLabel, botLabel);
}
