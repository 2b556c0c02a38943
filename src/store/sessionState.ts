import type { TransportState } from "@pipecat-ai/client-js";
import { createMetricsState, type MetricsState } from "./metrics";
import { createTranscriptState, type TranscriptState } from "./transcript/types";
import { createVideoState, type VideoState } from "./video";

/** An error as the kit records it: from the bot, a failed action, a device or the transport. */
export interface RTVIErrorInfo {
  readonly message: string;
  /** A fatal error ends the session. */
  readonly fatal: boolean;
  readonly source: "bot" | "connect" | "action" | "device" | "transport";
  readonly at: number;
}

/** The microphone's permission and hardware state, in words a UI can show. */
export type MicStatus = "unknown" | "granted" | "denied" | "no-device" | "in-use" | "error";

/** A device as the kit lists it (plain data, safe to keep in state). */
export interface DeviceOption {
  readonly deviceId: string;
  readonly label: string;
}

/** Everything one provider knows about its session (video: see {@link VideoState}). */
export interface SessionState extends VideoState {
  readonly transportState: TransportState;
  readonly botReady: boolean;
  readonly botVersion: string | null;
  /** The bot's LLM is working and it has not started speaking yet. */
  readonly botThinking: boolean;
  readonly transcript: TranscriptState;
  readonly errors: readonly RTVIErrorInfo[];
  readonly lastError: RTVIErrorInfo | null;
  readonly serverMessages: number;
  readonly lastServerMessage: unknown;
  readonly micEnabled: boolean;
  readonly micStatus: MicStatus;
  readonly micStatusDetail: string | null;
  readonly mics: readonly DeviceOption[];
  readonly speakers: readonly DeviceOption[];
  readonly selectedMic: string | null;
  readonly selectedSpeaker: string | null;
  readonly localTrack: MediaStreamTrack | null;
  readonly botTrack: MediaStreamTrack | null;
  /** Milliseconds from the user's end of speech (or typed send) to the bot's first audio, per turn. */
  readonly latencies: readonly number[];
  /** When the current wait for the bot began, or null. */
  readonly waitingSince: number | null;
  /**
   * The bot muted the user server-side (RTVI `user-mute-started`, until `user-mute-stopped`
   * or the session ends): it ignores the microphone whatever the client does.
   */
  readonly micMutedByBot: boolean;
  /**
   * The bot is re-establishing its own upstream session (a `server-message` with
   * `data.type: "session-reconnecting"`); the call itself is up. Cleared by
   * `"session-resumed"`, a disconnect or a fatal error.
   */
  readonly reconnecting: boolean;
  /** The reason the bot gave for reconnecting, if any. */
  readonly reconnectReason: string | null;
  /** How RTVI messages reach the store (see `bindClient`); null until a client is bound. */
  readonly messageRoute: "transport" | "events" | null;
  /** RTVI `metrics` per exchange (bounded) and the client's own figures; see `useMetrics`. */
  readonly metrics: MetricsState;
  /**
   * When the current (or last) call became connected, on the session clock; kept through
   * the bot's reconnects, replaced by the next call. Null before the first call.
   */
  readonly callStartedAt: number | null;
  /** When that call ended, or null while it is up. */
  readonly callEndedAt: number | null;
  /** The bot's playback volume, 0..1 (`<BotAudio>`, `<VolumeSlider>`, `useBotVolume`); kept across calls. */
  readonly botVolume: number;
}

export function createSessionState(maxTurns: number | null = null): SessionState {
  return {
    transportState: "disconnected",
    botReady: false,
    botVersion: null,
    botThinking: false,
    transcript: createTranscriptState(maxTurns),
    errors: [],
    lastError: null,
    serverMessages: 0,
    lastServerMessage: undefined,
    micEnabled: true,
    micStatus: "unknown",
    micStatusDetail: null,
    mics: [],
    speakers: [],
    selectedMic: null,
    selectedSpeaker: null,
    localTrack: null,
    botTrack: null,
    latencies: [],
    waitingSince: null,
    micMutedByBot: false,
    reconnecting: false,
    reconnectReason: null,
    messageRoute: null,
    metrics: createMetricsState(),
    callStartedAt: null,
    callEndedAt: null,
    botVolume: 1,
    ...createVideoState(),
  };
}
