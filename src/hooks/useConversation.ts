import { useCallback } from "react";
import { useRTVIContext } from "../provider/context";
import type { Turn } from "../store/transcript/types";
import { useSessionState } from "./useSessionState";

/** Result of {@link useConversation}. */
export interface UseConversationResult {
  /** User, bot, function-call and system turns in order. Unchanged turns keep their identity. */
  readonly turns: readonly Turn[];
  /** Empties the conversation (the session stays connected). */
  clear(): void;
}

/** The whole conversation, as the transcript engine builds it (see DESIGN.md §3). */
export function useConversation(): UseConversationResult {
  const { session } = useRTVIContext("useConversation");
  const turns = useSessionState((s) => s.transcript.turns, "useConversation");
  const clear = useCallback(() => session.dispatch({ type: "clear-conversation" }), [session]);
  return { turns, clear };
}
