import { useCallback } from "react";
import { useRTVIContext } from "../provider/context";
import { useSessionFeature } from "../provider/useSessionFeature";
import { bindVideo, type CameraStatus } from "../store/video";
import { useSessionState } from "./useSessionState";

/** Result of {@link useCamera}. */
export interface UseCameraResult {
  /** The camera is asked to send (it may still be starting). */
  readonly enabled: boolean;
  /** `off`, `starting` (asked for, no picture yet), `live`, or `error` (see `problem`). */
  readonly state: "off" | "starting" | "live" | "error";
  /** Permission and hardware state. */
  readonly status: CameraStatus;
  /** A sentence for the user when the camera cannot be used, else null. */
  readonly problem: string | null;
  /** The camera's track while it is live, for a `VideoTile` or your own `<video>`. */
  readonly track: MediaStreamTrack | null;
  /** Turns the camera on or off. Rejects with `RTVIActionError` (also recorded in the store). */
  setEnabled(enabled: boolean): Promise<void>;
  toggle(): Promise<void>;
}

/** The user's camera: on and off, its state in words, and its track. */
export function useCamera(): UseCameraResult {
  const { actions } = useRTVIContext("useCamera");
  useSessionFeature(bindVideo, "useCamera");
  const enabled = useSessionState((s) => s.camEnabled, "useCamera");
  const status = useSessionState((s) => s.camStatus, "useCamera");
  const problem = useSessionState((s) => s.camProblem, "useCamera");
  const track = useSessionState((s) => s.localVideoTrack, "useCamera");
  const setEnabled = useCallback((on: boolean) => actions.enableCam(on), [actions]);
  const toggle = useCallback(() => actions.enableCam(!enabled), [actions, enabled]);
  const state = problem !== null ? "error" : track ? "live" : enabled ? "starting" : "off";
  return { enabled, state, status, problem, track, setEnabled, toggle };
}
