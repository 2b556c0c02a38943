import { useSessionState } from "./useSessionState";

/** Whether the bot is speaking now (between `bot-started-speaking` and `bot-stopped-speaking`). */
export function useBotSpeaking(): boolean {
  return useSessionState((s) => s.transcript.botSpeaking, "useBotSpeaking");
}
