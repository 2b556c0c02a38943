import { useSessionState } from "./useSessionState";
import type { SessionState } from "../store/sessionState";

/**
 * What the voice agent is doing, for visualizers and status text. `reconnecting`: the call is
 * up but the bot is re-establishing its own model session (a short wait, not an error).
 */
export type AgentState = "disconnected" | "connecting" | "reconnecting" | "listening" | "thinking" | "speaking" | "error";

/** Derives the agent state from a session state (exported for non-React use and tests). */
export function agentStateOf(s: SessionState): AgentState {
  if (s.transportState === "error") return "error";
  // A failed connect ends in "disconnected" (client-js cleans up); the error still shows
  // until it is dismissed or the next connect starts.
  if (s.transportState === "disconnected" && s.lastError?.fatal) return "error";
  if (s.transportState === "disconnected" || s.transportState === "disconnecting") return "disconnected";
  if (s.transportState !== "ready") return "connecting";
  // The bot re-establishing its model session is a short wait, not an error.
  if (s.reconnecting) return "reconnecting";
  if (s.transcript.botSpeaking) return "speaking";
  if (s.botThinking || s.waitingSince !== null) return "thinking";
  return "listening";
}

/** The agent's state: disconnected, connecting, reconnecting, listening, thinking, speaking or error. */
export function useAgentState(): AgentState {
  return useSessionState(agentStateOf, "useAgentState");
}
