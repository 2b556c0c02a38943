import { Slot } from "./Slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeHandlers, cx, slotChild } from "./dom";
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
  const { labels, children, showProblem = true, asChild = false, className, onClick, disabled, ...rest } = props;
  const t = useScreenShareToggle({ labels });
  const shown = showProblem && t.problem !== null;
  const describedBy = cx(rest["aria-describedby"], shown && t.problemId) || undefined;
  const content = asChild ? slotChild(children as ReactNode, t.label) : typeof children === "function" ? children({ state: t.state, on: t.on, label: t.label, problem: t.problem }) : (children ?? t.label);
  const Comp = (asChild ? Slot : "button") as "button";
  return (
    <>
      <Comp
        {...rest}
        {...t.buttonProps}
        ref={ref}
        disabled={disabled || t.buttonProps.disabled}
        aria-describedby={describedBy}
        className={cx("rtvi-screen-share-toggle", className)}
        onClick={composeHandlers(onClick, t.buttonProps.onClick)}
      >
        {content}
      </Comp>
      {shown && (
        <span id={t.problemId} role="status" className="rtvi-screen-share-toggle-problem" data-rtvi-screen-share-toggle-problem="" data-state={t.state}>
          {t.problem}
        </span>
      )}
    </>
  );
});
