import { useSyncExternalStore } from "react";
import { useCamera } from "../hooks/useCamera";
import { withDefaults } from "./dom";
import { useMediaToggle, type MediaToggleButtonProps, type MediaToggleState } from "./useMediaToggle";

/** The strings of a camera toggle; each falls back to English. */
export interface CameraToggleLabels {
  /** The button's text; `aria-pressed` says whether the camera is on. Default "Camera". */
  label?: string;
  /** Said where the browser has no camera access at all. Default "This browser cannot use a camera." */
  unsupported?: string;
}

/** Options of {@link useCameraToggle}. */
export interface UseCameraToggleOptions {
  labels?: CameraToggleLabels;
}

/** Result of {@link useCameraToggle}. */
export interface UseCameraToggleResult {
  readonly state: MediaToggleState;
  readonly on: boolean;
  readonly label: string;
  /** The camera problem or the unsupported notice, else null. */
  readonly problem: string | null;
  /** The id to give the element that shows `problem`. */
  readonly problemId: string;
  /** Turns the camera on or off. Never rejects: failures reach `useRTVIError`. */
  readonly activate: () => void;
  readonly buttonProps: MediaToggleButtonProps & { readonly "data-rtvi-camera-toggle": "" };
}

const noSubscribe = (): (() => void) => () => undefined;
const hasCamera = (): boolean => typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getUserMedia === "function";

/** Headless camera on/off button: pressed while the camera is on, disabled where there is none. */
export function useCameraToggle(options: UseCameraToggleOptions = {}): UseCameraToggleResult {
  const labels = withDefaults({ label: "Camera", unsupported: "This browser cannot use a camera." }, options.labels);
  const camera = useCamera();
  const supported = useSyncExternalStore(noSubscribe, hasCamera, () => true);
  const state: MediaToggleState = !supported ? "unsupported" : camera.state === "live" ? "on" : camera.state;
  const problem = supported ? camera.problem : labels.unsupported;
  return useMediaToggle(camera.enabled, state, problem, labels.label, camera.toggle, "data-rtvi-camera-toggle");
}
