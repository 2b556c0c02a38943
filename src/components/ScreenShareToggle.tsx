import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { MediaToggleView } from "./MediaToggleView";
import type { MediaToggleState } from "./useMediaToggle";
import { useScreenShareToggle, type UseScreenShareToggleOptions } from "./useScreenShareToggle";

/** What {@link ScreenShareToggle}'s render-prop `children` receives. */
export interface ScreenShareToggleRenderState {
  readonly state: MediaToggleState;
  readonly on: boolean;
  readonly label: string;
  readonly problem: string | null;
}

/** Props of {@link ScreenShareToggle}: the options of `useScreenShareToggle` plus any `<button>` prop. */
export interface ScreenShareToggleProps extends UseScreenShareToggleOptions, Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "type"> {
  /** Replaces the label: a node or a function of the state. With `asChild`, the element to render as the button. */
  children?: ReactNode | ((state: ScreenShareToggleRenderState) => ReactNode);
  /** Show the problem beside the button (`role="status"`). Default true. */
  showProblem?: boolean;
  /** Render the child element instead of a `<button>` (Radix `Slot`); its handlers run first and may `preventDefault()`. */
  asChild?: boolean;
}

/**
 * Starts and stops sharing a screen: a toggle button with `aria-pressed` (pressed = sharing), `aria-busy` while the browser asks which screen, disabled (and saying so) where the browser cannot share a screen.
 *
 * @example
 * <ScreenShareToggle labels={{ label: "Share" }} />
 */
export const ScreenShareToggle = /* @__PURE__ */ forwardRef<HTMLButtonElement, ScreenShareToggleProps>(function ScreenShareToggle(props, ref) {
  const { labels, ...rest } = props;
  return <MediaToggleView {...rest} ref={ref} toggle={useScreenShareToggle({ labels })} name="screen-share-toggle" />;
});
