import { useSessionState } from "./useSessionState";

/** Whether the bot hears the user speaking now (`user-started-speaking` .. `user-stopped-speaking`). */
export function useUserSpeaking(): boolean {
  return useSessionState((s) => s.transcript.userSpeaking, "useUserSpeaking");
}
