import { useMemo } from "react";
import type { SpeechTurn, Turn } from "../store/transcript/types";
import { useSessionState } from "./useSessionState";

/** Result of {@link useBotTranscript}. */
export interface UseBotTranscriptResult {
  /** Every bot turn, the live one included. */
  readonly turns: readonly SpeechTurn[];
  /** The bot turn being spoken or generated now, or null. */
  readonly live: SpeechTurn | null;
  /** What the bot has spoken in the live turn (or the last one). */
  readonly spokenText: string;
  /** Generated but not yet spoken text of the live turn. */
  readonly pendingText: string;
  readonly speaking: boolean;
  /** Whether the latest bot turn was cut off. */
  readonly interrupted: boolean;
}

const isBot = (t: Turn): t is SpeechTurn => t.role === "assistant";

/** The bot's side of the conversation, with the live turn's spoken and pending text. */
export function useBotTranscript(): UseBotTranscriptResult {
  const all = useSessionState((s) => s.transcript.turns, "useBotTranscript");
  const liveId = useSessionState((s) => s.transcript.bot?.id ?? null, "useBotTranscript");
  const speaking = useSessionState((s) => s.transcript.botSpeaking, "useBotTranscript");
  return useMemo(() => {
    const turns = all.filter(isBot);
    const last = turns[turns.length - 1] ?? null;
    const live = last && last.id === liveId ? last : (turns.find((t) => t.id === liveId) ?? null);
    const current = live ?? last;
    return {
      turns,
      live,
      spokenText: current?.text ?? "",
      pendingText: live?.pendingText ?? "",
      speaking,
      interrupted: last?.interrupted ?? false,
    };
  }, [all, liveId, speaking]);
}
