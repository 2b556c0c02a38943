import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { MediaToggleView } from "./MediaToggleView";
import type { MediaToggleState } from "./useMediaToggle";
import { useCameraToggle, type UseCameraToggleOptions } from "./useCameraToggle";

/** What {@link CameraToggle}'s render-prop `children` receives. */
export interface CameraToggleRenderState {
  readonly state: MediaToggleState;
  readonly on: boolean;
  readonly label: string;
  readonly problem: string | null;
}

/** Props of {@link CameraToggle}: the options of `useCameraToggle` plus any `<button>` prop. */
export interface CameraToggleProps extends UseCameraToggleOptions, Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "type"> {
  /** Replaces the label: a node or a function of the state. With `asChild`, the element to render as the button. */
  children?: ReactNode | ((state: CameraToggleRenderState) => ReactNode);
  /** Show the problem beside the button (`role="status"`). Default true. */
  showProblem?: boolean;
  /** Render the child element instead of a `<button>` (Radix `Slot`); its handlers run first and may `preventDefault()`. */
  asChild?: boolean;
}

/**
 * Turns the camera on and off: a toggle button with `aria-pressed` (pressed = the camera is on), `aria-busy` while it starts, disabled where the browser has no camera access, and the camera problem (blocked, missing) in words beside it.
 *
 * @example
 * <CameraToggle />
 */
export const CameraToggle = /* @__PURE__ */ forwardRef<HTMLButtonElement, CameraToggleProps>(function CameraToggle(props, ref) {
  const { labels, ...rest } = props;
  return <MediaToggleView {...rest} ref={ref} toggle={useCameraToggle({ labels })} name="camera-toggle" />;
});
