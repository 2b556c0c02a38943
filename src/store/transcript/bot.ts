import { asFields, idOf, str, type Fields } from "./read";
import { joinChunk, joinChunks, remainderAfter } from "./text";
import type { BotSegment, BotWork, SpeechTurn, TranscriptState } from "./types";
import { findTurn, insertTurn, replaceTurn, speechTurn } from "./turns";

type BotSource = BotWork["source"];
const RANK: Record<BotSource, number> = { "bot-llm-text": 0, "bot-tts-text": 1, "bot-output": 2 };

function upgrade(current: BotSource, seen: BotSource): BotSource {
  return RANK[seen] > RANK[current] ? seen : current;
}

/**
 * The text the bot has actually spoken, from the one source the turn uses.
 * LLM text only counts as spoken when the turn ended normally and nothing better came:
 * a bot without TTS events (text-only) still gets its words.
 */
function spokenOf(work: BotWork, endedNormally: boolean): string {
  switch (work.source) {
    case "bot-output":
      return joinChunks(work.segments.map((s) => s.spoken).filter((s) => s !== ""));
    case "bot-tts-text":
      return work.tts;
    case "bot-llm-text":
      return endedNormally ? work.llm : "";
  }
}

/** Generated text not yet spoken: the tail of the best generated text past the spoken words. */
function pendingOf(work: BotWork, spoken: string): string {
  const candidates = [joinChunks(work.segments.map((s) => s.text)), work.outputAhead, work.llm, work.tts];
  for (const full of candidates) {
    const rest = remainderAfter(full, spoken);
    if (rest.trim() !== "") return rest;
  }
  return "";
}

function render(turn: SpeechTurn, work: BotWork): SpeechTurn {
  const text = spokenOf(work, false);
  const pendingText = pendingOf(work, text);
  if (turn.text === text && turn.pendingText === pendingText && turn.source === work.source) return turn;
  return { ...turn, text, pendingText, source: work.source };
}

function withWork(state: TranscriptState, work: BotWork): TranscriptState {
  const turn = findTurn(state.turns, work.id);
  if (!turn || turn.role !== "assistant") return { ...state, bot: work };
  return replaceTurn({ ...state, bot: work }, render(turn, work));
}

/** Opens a bot turn at the end of the conversation when text first arrives. */
export function ensureBot(state: TranscriptState, now: number, source: BotSource): [TranscriptState, BotWork] {
  if (state.bot) return [state, state.bot];
  const turn = speechTurn(state, "assistant", now, source);
  const work: BotWork = { id: turn.id, llm: "", tts: "", segments: [], outputAhead: "", source };
  const next = insertTurn(state, turn);
  return [{ ...next, bot: work, openUserId: null, userSpokeDuringBot: state.userSpeaking }, work];
}

/**
 * `bot-llm-text` and `bot-tts-text`. Rules: `data.text` must be a non-empty string,
 * otherwise the message is ignored. LLM tokens carry their own spacing and are
 * concatenated; TTS chunks may be bare words and are joined with {@link joinChunk}.
 */
export function onBotText(state: TranscriptState, kind: "bot-llm-text" | "bot-tts-text", data: Fields | undefined, now: number): TranscriptState {
  const text = str(data, "text");
  if (!text || !state.acceptBotText) return state;
  const [s, work] = ensureBot(state, now, kind);
  const next: BotWork =
    kind === "bot-llm-text"
      ? { ...work, llm: work.llm + text, source: upgrade(work.source, kind) }
      : { ...work, tts: joinChunk(work.tts, text), source: upgrade(work.source, kind) };
  return withWork(s, next);
}

const STATUSES = new Set(["new", "in-progress", "completed"]);

/**
 * `bot-output` (RTVI 2.x). Rules, each tested:
 * - `data.text` must be a string, except for progress on a segment already known.
 * - `spoken_status` other than new / in-progress / completed: ignored.
 * - `segment_id` must be a finite number or a non-empty string; progress for an
 *   unknown segment without its `text` is ignored (we cannot know its sentence).
 * - Without `spoken_status` (RTVI 2.0): `spoken: false` is generated text shown as pending,
 *   anything else is text already spoken.
 */
export function onBotOutput(state: TranscriptState, data: Fields | undefined, now: number): TranscriptState {
  if (!state.acceptBotText || !data) return state;
  const status = data["spoken_status"];
  const text = str(data, "text");
  if (status === undefined) {
    if (!text) return state;
    const [s, work] = ensureBot(state, now, "bot-output");
    if (data["spoken"] === false) return withWork(s, { ...work, outputAhead: joinChunk(work.outputAhead, text) });
    const key = `auto-${work.segments.length}`;
    const seg: BotSegment = { key, text, spoken: text };
    return withWork(s, { ...work, segments: [...work.segments, seg], source: "bot-output" });
  }
  if (typeof status !== "string" || !STATUSES.has(status)) return state;
  const key = idOf(data, "segment_id");
  if (key === undefined) return state;
  const known = state.bot?.segments.find((x) => x.key === key);
  const full = text ?? known?.text;
  if (full === undefined) return state;
  const progress = str(asFields(data["spoken_progress"]), "accumulated_text");
  const spoken = status === "completed" ? full : status === "new" ? (known?.spoken ?? "") : (progress ?? known?.spoken ?? "");
  const [s, work] = ensureBot(state, now, "bot-output");
  const seg: BotSegment = { key, text: full, spoken };
  const segments = known ? work.segments.map((x) => (x.key === key ? seg : x)) : [...work.segments, seg];
  return withWork(s, { ...work, segments, source: "bot-output" });
}

/**
 * Ends the bot turn. Interrupted: `text` keeps only what was spoken and the rest goes to
 * `unspokenText`. Normal end: the same split, but LLM-only text counts as said.
 */
export function closeBot(state: TranscriptState, now: number, interrupted: boolean): TranscriptState {
  const work = state.bot;
  if (!work) return state;
  const turn = findTurn(state.turns, work.id);
  const cleared: TranscriptState = { ...state, bot: null, userSpokeDuringBot: false };
  if (!turn || turn.role !== "assistant") return cleared;
  const text = spokenOf(work, !interrupted);
  const unspokenText = pendingOf(work, text);
  return replaceTurn(cleared, {
    ...turn,
    text,
    pendingText: "",
    unspokenText,
    final: true,
    interrupted,
    endedAt: now,
    source: work.source,
  });
}
