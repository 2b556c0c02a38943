import { useMemo } from "react";
import type { SpeechTurn, Turn } from "../store/transcript/types";
import { useSessionState } from "./useSessionState";

/** Result of {@link useUserTranscript}. */
export interface UseUserTranscriptResult {
  /** Every user turn (spoken and typed). */
  readonly turns: readonly SpeechTurn[];
  /** Final text of the latest user turn. */
  readonly final: string;
  /** Interim (not yet final) text of the latest user turn. */
  readonly interim: string;
  readonly speaking: boolean;
}

const isUser = (t: Turn): t is SpeechTurn => t.role === "user";

/** The user's side of the conversation: final and interim text of the latest turn. */
export function useUserTranscript(): UseUserTranscriptResult {
  const all = useSessionState((s) => s.transcript.turns, "useUserTranscript");
  const speaking = useSessionState((s) => s.transcript.userSpeaking, "useUserTranscript");
  return useMemo(() => {
    const turns = all.filter(isUser);
    const last = turns[turns.length - 1];
    return { turns, final: last?.text ?? "", interim: last?.pendingText ?? "", speaking };
  }, [all, speaking]);
}
