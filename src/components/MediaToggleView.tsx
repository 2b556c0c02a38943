import { Slot } from "./Slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeHandlers, cx, slotChild } from "./dom";
import type { MediaToggleButtonProps, MediaToggleState } from "./useMediaToggle";

/** The render state both toggles hand to a function `children`. */
interface MediaToggleRenderState {
  readonly state: MediaToggleState;
  readonly on: boolean;
  readonly label: string;
  readonly problem: string | null;
}

interface MediaToggleViewProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "type"> {
  /** The toggle hook's result; each public component calls its own hook and passes it here. */
  toggle: MediaToggleRenderState & { readonly problemId: string; readonly buttonProps: MediaToggleButtonProps };
  /** Class and data-attribute stem, e.g. "camera-toggle": the public class names stay per toggle. */
  name: string;
  children?: ReactNode | ((state: MediaToggleRenderState) => ReactNode);
  showProblem?: boolean;
  asChild?: boolean;
}

/** The one view behind CameraToggle and ScreenShareToggle: they differ only in their hook and class names. */
export const MediaToggleView = /* @__PURE__ */ forwardRef<HTMLButtonElement, MediaToggleViewProps>(function MediaToggleView(props, ref) {
  const { toggle: t, name, children, showProblem = true, asChild = false, className, onClick, disabled, ...rest } = props;
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
        className={cx(`rtvi-${name}`, className)}
        onClick={composeHandlers(onClick, t.buttonProps.onClick)}
      >
        {content}
      </Comp>
      {shown && (
        <span id={t.problemId} role="status" className={`rtvi-${name}-problem`} {...{ [`data-rtvi-${name}-problem`]: "" }} data-state={t.state}>
          {t.problem}
        </span>
      )}
    </>
  );
});
