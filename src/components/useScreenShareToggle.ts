import { useScreenShare } from "../hooks/useScreenShare";
import { SCREEN_SHARE_UNSUPPORTED } from "../store/video";
import { withDefaults } from "./dom";
import { useMediaToggle, type MediaToggleButtonProps, type MediaToggleState } from "./useMediaToggle";

/** The strings of a screen-share toggle; each falls back to English. */
export interface ScreenShareToggleLabels {
  /** The button's text; `aria-pressed` says whether a screen is shared. Default "Share screen". */
  label?: string;
  /** Said where the browser cannot share a screen. Default "Screen sharing is not supported here." */
  unsupported?: string;
}

/** Options of {@link useScreenShareToggle}. */
export interface UseScreenShareToggleOptions {
  labels?: ScreenShareToggleLabels;
}

/** Result of {@link useScreenShareToggle}. */
export interface UseScreenShareToggleResult {
  readonly state: MediaToggleState;
  readonly on: boolean;
  readonly label: string;
  readonly problem: string | null;
  readonly problemId: string;
  /** Starts or stops sharing. Never rejects: failures reach `useRTVIError`. */
  readonly activate: () => void;
  readonly buttonProps: MediaToggleButtonProps & { readonly "data-rtvi-screen-share-toggle": "" };
}

/** Headless screen-share button: pressed while sharing, disabled where the browser cannot share. */
export function useScreenShareToggle(options: UseScreenShareToggleOptions = {}): UseScreenShareToggleResult {
  const screen = useScreenShare();
  const labels = withDefaults({ label: "Share screen", unsupported: SCREEN_SHARE_UNSUPPORTED }, options.labels);
  const state: MediaToggleState = !screen.supported ? "unsupported" : screen.sharing ? "on" : screen.starting ? "starting" : screen.problem ? "error" : "off";
  const problem = !screen.supported ? labels.unsupported : screen.problem === SCREEN_SHARE_UNSUPPORTED ? labels.unsupported : screen.problem;
  return useMediaToggle(screen.sharing, state, problem, labels.label, screen.toggle, "data-rtvi-screen-share-toggle");
}
