import { str, type Fields } from "./read";
import { joinChunk } from "./text";
import type { SpeechTurn, TranscriptState } from "./types";
import { findTurn, indexOfTurn, insertTurn, replaceTurn, speechTurn } from "./turns";

function openUserTurn(state: TranscriptState, id: string | null): SpeechTurn | undefined {
  const t = findTurn(state.turns, id);
  return t && t.role === "user" && !t.final ? t : undefined;
}

/**
 * Where a user transcript goes. While a bot turn is open and the user has not spoken since
 * it began, the transcript is late (speech-to-speech models transcribe after answering):
 * it belongs before the bot turn. Otherwise it goes to the open user turn or a new one.
 */
function target(state: TranscriptState, now: number): [TranscriptState, SpeechTurn] {
  if (state.bot && !state.userSpokeDuringBot) {
    const botIndex = indexOfTurn(state.turns, state.bot.id);
    const before = botIndex > 0 ? state.turns[botIndex - 1] : undefined;
    if (before && before.role === "user" && !before.final) return [state, before];
    const turn = speechTurn(state, "user", now, "user-transcription");
    return [insertTurn(state, turn, Math.max(botIndex, 0)), turn];
  }
  const open = openUserTurn(state, state.openUserId);
  if (open) return [state, open];
  const turn = speechTurn(state, "user", now, "user-transcription");
  return [{ ...insertTurn(state, turn), openUserId: turn.id }, turn];
}

/**
 * `user-transcription`. Rules: `data.text` must be a non-empty string or the message is
 * ignored; `final` counts only when it is exactly `true` (anything else is interim).
 * Interim text replaces the live tail; final text is appended. A turn is final once it
 * has final text, no interim tail, and the user is not speaking; a final turn never
 * changes, so later speech opens a new turn.
 */
export function onUserTranscription(state: TranscriptState, data: Fields | undefined, now: number): TranscriptState {
  const chunk = str(data, "text");
  if (chunk === undefined || chunk.trim() === "") return state;
  const isFinal = data?.["final"] === true;
  const [s, turn] = target(state, now);
  const next: SpeechTurn = isFinal
    ? { ...turn, text: joinChunk(turn.text, chunk.trim()), pendingText: "", final: !s.userSpeaking, endedAt: now }
    : { ...turn, pendingText: chunk, final: false };
  return replaceTurn(s, next);
}

/** Makes a user turn final, keeping an interim tail that never got its final transcript. */
export function settleUser(state: TranscriptState, id: string | null, now: number): TranscriptState {
  const turn = openUserTurn(state, id);
  if (!turn) return state;
  const text = turn.pendingText ? joinChunk(turn.text, turn.pendingText.trim()) : turn.text;
  return replaceTurn(state, { ...turn, text, pendingText: "", final: true, endedAt: turn.endedAt ?? now });
}

/** Settles every user turn still open (disconnect, typed text, a fatal error). */
export function settleAllUsers(state: TranscriptState, now: number): TranscriptState {
  let s = state;
  for (const t of state.turns) if (t.role === "user" && !t.final) s = settleUser(s, t.id, now);
  return { ...s, openUserId: null };
}

/** `user-stopped-speaking`: the open user turn is final once it has text and no interim tail. */
export function onUserStopped(state: TranscriptState, now: number): TranscriptState {
  const s = { ...state, userSpeaking: false };
  const turn = openUserTurn(s, s.openUserId);
  if (!turn || turn.pendingText !== "" || turn.text === "") return s;
  return replaceTurn(s, { ...turn, final: true, endedAt: now });
}

/** Typed text (`client.sendText`) appears at once as a final user turn. */
export function onTypedText(state: TranscriptState, text: string, now: number): TranscriptState {
  const turn: SpeechTurn = { ...speechTurn(state, "user", now, "typed"), text, final: true, endedAt: now };
  return { ...insertTurn(state, turn), openUserId: null };
}
