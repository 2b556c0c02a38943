import type { TransportState } from "@pipecat-ai/client-js";
import { useSessionState } from "./useSessionState";

/** The client's transport state, seeded from `client.state` when the provider binds. */
export function useTransportState(): TransportState {
  return useSessionState((s) => s.transportState, "useTransportState");
}
