import { closeBot, onBotOutput, onBotText } from "./bot";
import { onSearchResponse, onUserLlmText } from "./annotations";
import { onFunctionCall } from "./functionCalls";
import { asFields, str, type Fields } from "./read";
import type { TranscriptState } from "./types";
import { insertTurn, systemTurn } from "./turns";
import { onTypedText, onUserStopped, onUserTranscription, settleAllUsers, settleUser } from "./user";

/** The error text of an `error` / `error-response` message, whichever field carries it. */
export function errorText(data: Fields | undefined): string {
  return str(data, "error") ?? str(data, "message") ?? "The bot reported an error without a message.";
}

function interrupt(state: TranscriptState, now: number): TranscriptState {
  const before = state.bot ? state.turns.findIndex((t) => t.id === state.bot?.id) : -1;
  const s = closeBot(state, now, true);
  const prev = before > 0 ? s.turns[before - 1] : undefined;
  return { ...(prev ? settleUser(s, prev.id, now) : s), acceptBotText: false };
}

// A bot response is starting: the user's turn is over and bot text is welcome again.
function botStarting(state: TranscriptState): TranscriptState {
  return { ...state, acceptBotText: true, openUserId: null };
}

function endBotTurn(state: TranscriptState, now: number): TranscriptState {
  if (!state.bot) return state;
  const index = state.turns.findIndex((t) => t.id === state.bot?.id);
  const s = closeBot(state, now, false);
  const prev = index > 0 ? s.turns[index - 1] : undefined;
  return prev ? settleUser(s, prev.id, now) : s;
}

/**
 * The transcript engine: `(state, message, now) → state`. Pure: no timers, no React, no
 * clock but `now`. Every RTVI message is accepted as `unknown`; the rule for each kind of
 * malformed input is written next to the handler that applies it. In general: a message
 * that is not an object, has a `label` other than "rtvi-ai", or has no string `type` is
 * ignored; unknown types are ignored; a missing or wrongly typed field drops the message
 * (or that field) and never throws.
 */
export function reduceTranscript(state: TranscriptState, message: unknown, now: number): TranscriptState {
  const msg = asFields(message);
  if (!msg) return state;
  if (msg["label"] !== undefined && msg["label"] !== "rtvi-ai") return state;
  const type = msg["type"];
  if (typeof type !== "string") return state;
  const data = asFields(msg["data"]);
  switch (type) {
    case "user-transcription":
      // New speech after the bot's (text-only, silent) turn: that turn is over.
      return onUserTranscription(state.bot && state.userSpokeDuringBot && !state.botSpeaking && str(data, "text")?.trim() ? endBotTurn(state, now) : state, data, now);
    case "user-started-speaking": {
      const s = { ...state, userSpeaking: true, userSpokeDuringBot: state.bot !== null || state.userSpokeDuringBot };
      // Barge-in: the user talking over a speaking bot ends the bot's turn.
      return state.botSpeaking && state.bot ? interrupt(s, now) : s;
    }
    case "user-stopped-speaking":
      return onUserStopped(state, now);
    case "bot-llm-started":
    case "bot-tts-started":
      return botStarting(state);
    case "bot-started-speaking":
      return { ...botStarting(state), botSpeaking: true };
    case "bot-stopped-speaking":
      return endBotTurn({ ...state, botSpeaking: false }, now);
    case "bot-interrupted":
      return interrupt(state, now);
    case "bot-llm-text":
    case "bot-tts-text":
      return onBotText(state, type, data, now);
    case "bot-output":
      return onBotOutput(state, data, now);
    case "bot-llm-search-response":
      return onSearchResponse(state, data, now);
    case "user-llm-text":
      return onUserLlmText(state, data);
    case "llm-function-call":
    case "llm-function-call-started":
    case "llm-function-call-in-progress":
    case "llm-function-call-stopped":
      return onFunctionCall(state, type, data, now);
    case "error":
    case "error-response": {
      // `fatal` counts only when it is exactly true. A fatal error ends the session, so
      // the live turns are closed; nothing already received is dropped.
      const fatal = data?.["fatal"] === true;
      const s = fatal ? sessionEnded(state, now) : state;
      return insertTurn(s, systemTurn(s, errorText(data), fatal, now));
    }
    default:
      // bot-ready, bot-transcription (deprecated duplicate of bot-output), metrics,
      // server-message, user-mute-* (session state) and anything unknown do not change
      // the transcript.
      return state;
  }
}

/** The user typed text (`client.sendText`): shown at once; a speaking bot is interrupted if asked. */
export function typedText(state: TranscriptState, text: string, now: number, interruptBot = false): TranscriptState {
  if (text.trim() === "") return state;
  const s = settleAllUsers(state.bot ? (interruptBot && state.botSpeaking ? interrupt(state, now) : endBotTurn(state, now)) : state, now);
  return onTypedText(s, text, now);
}

/** The session ended (disconnect, fatal error): close the live turns and keep them. */
export function sessionEnded(state: TranscriptState, now: number): TranscriptState {
  const s = state.bot ? (state.botSpeaking ? interrupt(state, now) : endBotTurn(state, now)) : state;
  return { ...settleAllUsers(s, now), botSpeaking: false, userSpeaking: false, acceptBotText: true };
}

/** Adds an error raised on the client side (a failed connect, a rejected action). */
export function localError(state: TranscriptState, message: string, fatal: boolean, now: number): TranscriptState {
  return insertTurn(state, systemTurn(state, message, fatal, now));
}
