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
  /** Connects (or starts the bot and connects). Rejects with `RTVIActionError`; never connects twice. */
  connect(options?: ConnectOptions): Promise<void>;
  disconnect(): Promise<void>;
}

const BUSY: ReadonlySet<TransportState> = new Set(["initializing", "initialized", "authenticating", "authenticated", "connecting", "connected", "disconnecting"]);

/** Connection state and the actions to change it. */
export function useConnection(): UseConnectionResult {
  const { actions } = useRTVIContext("useConnection");
  const state = useSessionState((s) => s.transportState, "useConnection");
  return { state, connected: state === "ready", busy: BUSY.has(state), connect: actions.connect, disconnect: actions.disconnect };
}
