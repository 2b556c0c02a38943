import { useCallback } from "react";
import { useRTVIContext } from "../provider/context";
import { MIC_PROBLEM_MESSAGES } from "../audio/diagnoseMic";
import type { MicStatus } from "../store/sessionState";
import { useSessionState } from "./useSessionState";

/** Result of {@link useMicControl}. */
export interface UseMicControlResult {
  /** Whether the mic is muted (not sending audio). */
  readonly muted: boolean;
  /** @deprecated Use `muted` (its opposite); removed in the next minor version. */
  readonly enabled: boolean;
  /** Permission and hardware state. */
  readonly status: MicStatus;
  /** A sentence for the user when the mic cannot be used, else null. */
  readonly problem: string | null;
  /**
   * The bot muted the user server-side (RTVI `user-mute-started`): it ignores the mic until
   * it unmutes, so a UI should not offer to unmute meanwhile.
   */
  readonly mutedByBot: boolean;
  /** Mutes or unmutes the mic. Rejects with `RTVIActionError` (also recorded in the store). */
  setMuted(muted: boolean): Promise<void>;
  /** @deprecated Use `setMuted(!enabled)`; removed in the next minor version. */
  setEnabled(enabled: boolean): Promise<void>;
  toggle(): Promise<void>;
}

/** What the kit says while the bot has muted the user. */
export const MUTED_BY_BOT_MESSAGE = "The bot has muted your microphone for now.";

/** Mute and unmute the microphone, with its permission state in words. */
export function useMicControl(): UseMicControlResult {
  const { actions } = useRTVIContext("useMicControl");
  const enabled = useSessionState((s) => s.micEnabled, "useMicControl");
  const status = useSessionState((s) => s.micStatus, "useMicControl");
  const mutedByBot = useSessionState((s) => s.micMutedByBot, "useMicControl");
  const setEnabled = useCallback((on: boolean) => actions.enableMic(on), [actions]);
  const setMuted = useCallback((muted: boolean) => actions.enableMic(!muted), [actions]);
  const toggle = useCallback(() => actions.enableMic(!enabled), [actions, enabled]);
  const problem = status === "unknown" || status === "granted" ? null : MIC_PROBLEM_MESSAGES[status];
  return { muted: !enabled, enabled, status, problem, mutedByBot, setMuted, setEnabled, toggle };
}
