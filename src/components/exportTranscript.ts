import type { SpeechTurn, Turn } from "../store/transcript/types";
import { withDefaults } from "./dom";

/** The formats {@link exportTranscript} writes. */
export type TranscriptFormat = "json" | "markdown" | "webvtt";

/** The words an exported transcript uses; each falls back to English. */
export interface ExportTranscriptLabels {
  /** Default "You". */
  user?: string;
  /** Default "Bot". */
  bot?: string;
  /** The Markdown heading. Default "Transcript". */
  title?: string;
  /** Default "Function call". */
  functionCall?: string;
  /** A function call that was cancelled. Default "cancelled". */
  cancelled?: string;
  /** Default "Error". */
  error?: string;
  /** Default "Notice". */
  notice?: string;
  /** After an interrupted turn. Default "interrupted". */
  interrupted?: string;
}

/** Options of {@link exportTranscript}. */
export interface ExportTranscriptOptions {
  labels?: ExportTranscriptLabels;
  /** @deprecated Use `labels.user`. */
  userLabel?: string;
  /** @deprecated Use `labels.bot`. */
  botLabel?: string;
}

type Words = Required<ExportTranscriptLabels>;

const DEFAULT_WORDS: Words = { user: "You", bot: "Bot", title: "Transcript", functionCall: "Function call", cancelled: "cancelled", error: "Error", notice: "Notice", interrupted: "interrupted" };

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

function toMarkdown(turns: readonly Turn[], w: Words): string {
  const origin = turns[0]?.startedAt ?? 0;
  const lines = [`# ${escapeMarkdown(w.title)}`, ""];
  for (const t of turns) {
    const at = clock(t.startedAt - origin, false);
    if (t.role === "function_call") {
      const call = `${t.functionName ?? "function"}(${safeJson(t.args)})`;
      const result = t.cancelled ? w.cancelled : t.result === undefined ? "…" : safeJson(t.result);
      lines.push(`- \`${at}\` _${escapeMarkdown(w.functionCall)}_ \`${call.replace(/`/g, "'")}\` → \`${result.replace(/`/g, "'")}\``);
    } else if (t.role === "system") {
      lines.push(`- \`${at}\` _${escapeMarkdown(t.kind === "error" ? w.error : w.notice)}:_ ${escapeMarkdown(t.text)}`);
    } else if (t.text) {
      const who = t.role === "assistant" ? w.bot : w.user;
      lines.push(`- \`${at}\` **${escapeMarkdown(who)}:** ${escapeMarkdown(t.text)}${t.interrupted ? ` _(${escapeMarkdown(w.interrupted)})_` : ""}`);
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
  const words = withDefaults(DEFAULT_WORDS, { user: options.userLabel, bot: options.botLabel, ...stripped(options.labels) });
  if (format === "json") return toJson(turns);
  if (format === "markdown") return toMarkdown(turns, words);
  return toWebVtt(turns, words.user, words.bot);
}

// `labels.user: undefined` must not hide a deprecated `userLabel`.
const stripped = (labels: ExportTranscriptLabels | undefined): ExportTranscriptLabels =>
  Object.fromEntries(Object.entries(labels ?? {}).filter(([, v]) => v !== undefined));
