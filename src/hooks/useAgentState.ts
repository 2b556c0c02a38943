import { useSessionState } from "./useSessionState";
import type { SessionState } from "../store/sessionState";

/** What the voice agent is doing, for visualizers and status text. */
export type AgentState = "disconnected" | "connecting" | "listening" | "thinking" | "speaking" | "error";

/** Derives the agent state from a session state (exported for non-React use and tests). */
export function agentStateOf(s: SessionState): AgentState {
  if (s.transportState === "error") return "error";
  // A failed connect ends in "disconnected" (client-js cleans up); the error still shows
  // until it is dismissed or the next connect starts.
  if (s.transportState === "disconnected" && s.lastError?.fatal) return "error";
  if (s.transportState === "disconnected" || s.transportState === "disconnecting") return "disconnected";
  // The bot re-establishing its model session is a short wait to connect again, not an error.
  if (s.transportState !== "ready" || s.reconnecting) return "connecting";
  if (s.transcript.botSpeaking) return "speaking";
  if (s.botThinking || s.waitingSince !== null) return "thinking";
  return "listening";
}

/** The agent's state: disconnected, connecting, listening, thinking, speaking or error. */
export function useAgentState(): AgentState {
  return useSessionState(agentStateOf, "useAgentState");
}
