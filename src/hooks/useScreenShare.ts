import { useCallback, useSyncExternalStore } from "react";
import { useRTVIContext } from "../provider/context";
import { useSessionFeature } from "../provider/useSessionFeature";
import { SCREEN_SHARE_UNSUPPORTED, bindVideo, canShareScreen } from "../store/video";
import { useSessionState } from "./useSessionState";

/** Result of {@link useScreenShare}. */
export interface UseScreenShareResult {
  /** A screen's track is being sent. */
  readonly sharing: boolean;
  /** Asked for, waiting for the user to pick a screen. */
  readonly starting: boolean;
  /** This browser can share a screen (false on most phones, and during SSR). */
  readonly supported: boolean;
  /** A sentence for the user when sharing failed or cannot work here, else null. */
  readonly problem: string | null;
  readonly track: MediaStreamTrack | null;
  /** Asks the browser for a screen. Rejects with `RTVIActionError` (also recorded in the store). */
  start(): Promise<void>;
  stop(): Promise<void>;
  toggle(): Promise<void>;
}

const noSubscribe = (): (() => void) => () => undefined;

/** Shares a screen (or a window, or a tab) with the bot. */
export function useScreenShare(): UseScreenShareResult {
  const { actions } = useRTVIContext("useScreenShare");
  useSessionFeature(bindVideo, "useScreenShare");
  const track = useSessionState((s) => s.screenTrack, "useScreenShare");
  const starting = useSessionState((s) => s.screenStarting, "useScreenShare");
  const stored = useSessionState((s) => s.screenProblem, "useScreenShare");
  // Read after hydration: the server cannot know the browser.
  const supported = useSyncExternalStore(noSubscribe, canShareScreen, () => false);
  const sharing = track !== null;
  const start = useCallback(() => actions.enableScreenShare(true), [actions]);
  const stop = useCallback(() => actions.enableScreenShare(false), [actions]);
  const toggle = useCallback(() => actions.enableScreenShare(!sharing), [actions, sharing]);
  const problem = stored ?? (supported ? null : SCREEN_SHARE_UNSUPPORTED);
  return { sharing, starting: starting && !sharing, supported, problem, track, start, stop, toggle };
}
