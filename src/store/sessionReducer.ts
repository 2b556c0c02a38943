import type { TransportState } from "@pipecat-ai/client-js";
import { addSamples, connectProgress, reduceMetricsMessage, userInput } from "./metrics";
import { asFields, str } from "./transcript/read";
import { errorText, localError, reduceTranscript, sessionEnded, typedText } from "./transcript/reducer";
import { trimHistory } from "./transcript/turns";
import { createTranscriptState } from "./transcript/types";
import type { DeviceOption, MicStatus, RTVIErrorInfo, SessionState } from "./sessionState";
import { reduceVideo, type VideoState } from "./video";

/** Everything that changes a session's state. */
export type SessionAction =
  | { type: "message"; message: unknown }
  | { type: "transport-state"; state: TransportState }
  | { type: "error"; message: string; fatal: boolean; source: RTVIErrorInfo["source"] }
  | { type: "typed-text"; text: string; interrupt: boolean }
  | { type: "mic-enabled"; enabled: boolean }
  | { type: "mic-status"; status: MicStatus; detail: string | null }
  | { type: "devices"; mics?: readonly DeviceOption[]; speakers?: readonly DeviceOption[]; selectedMic?: string | null; selectedSpeaker?: string | null }
  | { type: "track"; source: "local" | "bot"; track: MediaStreamTrack | null }
  | { type: "clear-error" }
  | { type: "clear-conversation" }
  | { type: "max-turns"; maxTurns: number | null }
  | { type: "message-route"; route: "transport" | "events" }
  | { type: "video"; patch: Partial<VideoState> }
  /** Sets the bot's playback volume; clamped to 0..1, a non-finite value is ignored. */
  | { type: "bot-volume"; volume: number };

const MAX_ERRORS = 50;
const MAX_LATENCIES = 100;

function withError(state: SessionState, info: RTVIErrorInfo): SessionState {
  const errors = state.errors.length >= MAX_ERRORS ? [...state.errors.slice(1), info] : [...state.errors, info];
  return { ...state, errors, lastError: info };
}

function notReconnecting(state: SessionState): SessionState {
  return state.reconnecting ? { ...state, reconnecting: false, reconnectReason: null } : state;
}

const ENDED: ReadonlySet<TransportState> = new Set(["disconnected", "error"]);

function onMessage(state: SessionState, message: unknown, now: number): SessionState {
  const transcript = reduceTranscript(state.transcript, message, now);
  let s: SessionState = transcript === state.transcript ? state : { ...state, transcript };
  const msg = asFields(message);
  if (!msg || (msg["label"] !== undefined && msg["label"] !== "rtvi-ai")) return s;
  const data = asFields(msg["data"]);
  switch (msg["type"]) {
    case "bot-ready":
      return { ...s, botReady: true, botVersion: str(data, "version") ?? null };
    case "bot-llm-started":
      return s.transcript.botSpeaking ? s : { ...s, botThinking: true };
    case "bot-llm-stopped":
      return s.botThinking ? { ...s, botThinking: false } : s;
    case "user-started-speaking": {
      const metrics = userInput(s.metrics);
      if (metrics !== s.metrics) s = { ...s, metrics };
      return s.waitingSince === null ? s : { ...s, waitingSince: null };
    }
    case "metrics": {
      const metrics = reduceMetricsMessage(s.metrics, msg["data"], now);
      return metrics === s.metrics ? s : { ...s, metrics };
    }
    case "user-stopped-speaking":
      return s.transcript.botSpeaking ? s : { ...s, waitingSince: now };
    case "bot-started-speaking": {
      s = { ...s, botThinking: false };
      if (s.waitingSince === null) return s;
      const latency = Math.max(0, now - s.waitingSince);
      const latencies = [...s.latencies.slice(-(MAX_LATENCIES - 1)), latency];
      const metrics = addSamples(s.metrics, [{ kind: "voiceToVoice", processor: "client", model: null, value: latency }], now);
      return { ...s, latencies, metrics, waitingSince: null };
    }
    case "server-message": {
      s = { ...s, serverMessages: s.serverMessages + 1, lastServerMessage: msg["data"] };
      const kind = data?.["type"];
      if (kind === "session-reconnecting") return { ...s, reconnecting: true, reconnectReason: str(data, "reason") ?? null };
      if (kind === "session-resumed") return { ...s, reconnecting: false, reconnectReason: null };
      return s;
    }
    case "user-mute-started":
      return s.micMutedByBot ? s : { ...s, micMutedByBot: true };
    case "user-mute-stopped":
      return s.micMutedByBot ? { ...s, micMutedByBot: false } : s;
    case "error":
    case "error-response": {
      const fatal = data?.["fatal"] === true;
      return withError(fatal ? notReconnecting(s) : s, { message: errorText(data), fatal, source: "bot", at: now });
    }
    default:
      return s;
  }
}

const UP: ReadonlySet<TransportState> = new Set(["connected", "ready"]);

// The call's clock and the connect time: a call starts at the first connected state after an
// end, so the bot's own reconnects (no transport change) never restart it.
function callTimes(state: SessionState, next: TransportState, now: number): Partial<SessionState> {
  if (ENDED.has(next)) {
    const metrics = state.metrics.connectStartedAt === null ? state.metrics : { ...state.metrics, connectStartedAt: null };
    const ended = state.callStartedAt !== null && state.callEndedAt === null;
    return { metrics, ...(ended ? { callEndedAt: now } : {}) };
  }
  let metrics = state.metrics;
  if (ENDED.has(state.transportState)) metrics = connectProgress(metrics, "start", now);
  if (next === "ready") metrics = connectProgress(metrics, "ready", now);
  const starts = UP.has(next) && (state.callStartedAt === null || state.callEndedAt !== null);
  return starts ? { metrics, callStartedAt: now, callEndedAt: null } : { metrics };
}

/** The session reducer: pure, `now` passed in. Unknown actions leave the state as it is. */
export function reduceSession(state: SessionState, action: SessionAction, now: number): SessionState {
  switch (action.type) {
    case "message":
      return onMessage(state, action.message, now);
    case "transport-state": {
      if (action.state === state.transportState) return state;
      const s = { ...state, transportState: action.state, ...callTimes(state, action.state, now) };
      if (!ENDED.has(action.state)) return s;
      return { ...notReconnecting(s), botReady: false, botThinking: false, waitingSince: null, micMutedByBot: false, transcript: sessionEnded(s.transcript, now) };
    }
    case "error": {
      const info: RTVIErrorInfo = { message: action.message, fatal: action.fatal, source: action.source, at: now };
      const s = action.fatal ? notReconnecting(state) : state;
      return withError({ ...s, transcript: localError(s.transcript, action.message, action.fatal, now) }, info);
    }
    case "typed-text": {
      const transcript = typedText(state.transcript, action.text, now, action.interrupt);
      return transcript === state.transcript ? state : { ...state, transcript, waitingSince: now, metrics: userInput(state.metrics) };
    }
    case "mic-enabled":
      return state.micEnabled === action.enabled ? state : { ...state, micEnabled: action.enabled };
    case "mic-status":
      return state.micStatus === action.status && state.micStatusDetail === action.detail
        ? state
        : { ...state, micStatus: action.status, micStatusDetail: action.detail };
    case "devices": {
      const { type: _type, ...patch } = action;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return { ...state, ...defined };
    }
    case "track":
      return action.source === "local" ? { ...state, localTrack: action.track } : { ...state, botTrack: action.track };
    case "clear-error":
      return state.lastError === null ? state : { ...state, lastError: null };
    case "clear-conversation":
      return { ...state, transcript: { ...createTranscriptState(state.transcript.maxTurns), nextId: state.transcript.nextId } };
    case "max-turns":
      return state.transcript.maxTurns === action.maxTurns ? state : { ...state, transcript: trimHistory({ ...state.transcript, maxTurns: action.maxTurns }) };
    case "message-route":
      return state.messageRoute === action.route ? state : { ...state, messageRoute: action.route };
    case "video":
      return reduceVideo(state, action.patch);
    case "bot-volume": {
      const volume = Number.isFinite(action.volume) ? Math.min(1, Math.max(0, action.volume)) : state.botVolume;
      return volume === state.botVolume ? state : { ...state, botVolume: volume };
    }
  }
}
