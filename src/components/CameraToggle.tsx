import { Slot } from "./Slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeHandlers, cx, slotChild } from "./dom";
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
  const { labels, children, showProblem = true, asChild = false, className, onClick, disabled, ...rest } = props;
  const t = useCameraToggle({ labels });
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
        className={cx("rtvi-camera-toggle", className)}
        onClick={composeHandlers(onClick, t.buttonProps.onClick)}
      >
        {content}
      </Comp>
      {shown && (
        <span id={t.problemId} role="status" className="rtvi-camera-toggle-problem" data-rtvi-camera-toggle-problem="" data-state={t.state}>
          {t.problem}
        </span>
      )}
    </>
  );
});
