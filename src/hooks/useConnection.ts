import type { TransportState } from "@pipecat-ai/client-js";
import { useRTVIContext } from "../provider/context";
import type { ConnectOptions } from "../store/actions";
import { useSessionState } from "./useSessionState";

/** Result of {@link useConnection}. */
export interface UseConnectionResult {
  readonly state: TransportState;
  /** The bot is ready (handshake done). */
  readonly connected: boolean;
  /** A connect or disconnect is in flight. */
  readonly busy: boolean;
  /**
   * The call is up but the bot is re-establishing its own model session (it said
   * `session-reconnecting`); a short wait, not an error. False again once it resumes.
   */
  readonly reconnecting: boolean;
  /** The reason the bot gave for reconnecting, if any. */
  readonly reconnectReason: string | null;
  /** Connects (or starts the bot and connects). Rejects with `RTVIActionError`; never connects twice. */
  connect(options?: ConnectOptions): Promise<void>;
  disconnect(): Promise<void>;
}

const BUSY: ReadonlySet<TransportState> = new Set(["initializing", "initialized", "authenticating", "authenticated", "connecting", "connected", "disconnecting"]);

/** Connection state and the actions to change it. */
export function useConnection(): UseConnectionResult {
  const { actions } = useRTVIContext("useConnection");
  const state = useSessionState((s) => s.transportState, "useConnection");
  const reconnecting = useSessionState((s) => s.reconnecting, "useConnection");
  const reconnectReason = useSessionState((s) => s.reconnectReason, "useConnection");
  return { state, connected: state === "ready", busy: BUSY.has(state), reconnecting, reconnectReason, connect: actions.connect, disconnect: actions.disconnect };
}
