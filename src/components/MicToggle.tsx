import { Slot } from "./Slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeHandlers, cx, flag, slotChild, useMergedRef } from "./dom";
import { useMicToggle, type UseMicToggleOptions } from "./useMicToggle";

/** What {@link MicToggle}'s render-prop `children` receives. */
export interface MicToggleRenderState {
  readonly muted: boolean;
  /** Push-to-talk is held. */
  readonly talking: boolean;
  readonly mode: "toggle" | "push-to-talk";
  readonly problem: string | null;
  /** The bot muted the user server-side; the button cannot unmute meanwhile. */
  readonly mutedByBot: boolean;
  /** The button's name (from `labels`). */
  readonly label: string;
}

/** Props of {@link MicToggle}: the options of `useMicToggle` plus any `<button>` prop. */
export interface MicToggleProps extends UseMicToggleOptions, Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children"> {
  /** @deprecated Use `labels.mute` / `labels.pushToTalk`; removed in the next minor version. */
  label?: string;
  /** Show the microphone problem (no permission, no device) beside the button. Default true. */
  showProblem?: boolean;
  /**
   * Replaces the label: a node or a function of the state. With `asChild`, the one element to
   * render as the button (it gets the label when it has no children of its own).
   */
  children?: ReactNode | ((state: MicToggleRenderState) => ReactNode);
  /**
   * Render the child element instead of a `<button>` (Radix `Slot`): it receives
   * `aria-pressed`, `aria-disabled` while the bot mutes the user, the push-to-talk pointer
   * handlers, the data attributes, the ref and the level as `--rtvi-mic-level` on itself.
   * Its own handlers run first and may `preventDefault()`.
   */
  asChild?: boolean;
}

/**
 * Mutes and unmutes the microphone: a toggle button with `aria-pressed` (pressed = muted,
 * or = talking in push-to-talk), a live level meter that never re-renders React (it writes
 * `--rtvi-mic-level` on `[data-slot="meter"]`), and a readable message when the mic is
 * blocked or missing. A thin view over {@link useMicToggle}; the ref reaches the button.
 *
 * @example
 * <MicToggle mode="push-to-talk" labels={{ pushToTalk: "按住说话" }} />
 * <MicToggle asChild><button className="my-mic" /></MicToggle>
 */
export const MicToggle = /* @__PURE__ */ forwardRef<HTMLButtonElement, MicToggleProps>(function MicToggle(props, ref) {
  const { mode, muted, defaultMuted, onMutedChange, pushToTalkKey, labels, label, showProblem = true, asChild = false, children, className, onClick, onPointerDown, onPointerUp, onPointerLeave, onPointerCancel, ...rest } = props;
  const t = useMicToggle({ mode, muted, defaultMuted, onMutedChange, pushToTalkKey, labels });
  const { ref: ownRef, ...buttonProps } = t.buttonProps;
  const mergedRef = useMergedRef<HTMLButtonElement>(ownRef, ref);
  const text = label ?? t.label;
  const shown = showProblem && t.notice !== null;
  const content = asChild
    ? slotChild(children as ReactNode, text)
    : typeof children === "function"
      ? children({ muted: t.muted, talking: t.talking, mode: t.mode, problem: t.problem, mutedByBot: t.mutedByBot, label: text })
      : (children ?? text);
  const Comp = (asChild ? Slot : "button") as "button";
  return (
    <>
      <Comp
        {...rest}
        {...buttonProps}
        ref={mergedRef}
        aria-describedby={cx(rest["aria-describedby"], shown && t.noticeId) || undefined}
        className={cx("rtvi-mic-toggle", className)}
        onClick={composeHandlers(onClick, buttonProps.onClick)}
        onPointerDown={composeHandlers(onPointerDown, buttonProps.onPointerDown)}
        onPointerUp={composeHandlers(onPointerUp, buttonProps.onPointerUp)}
        onPointerLeave={composeHandlers(onPointerLeave, buttonProps.onPointerLeave)}
        onPointerCancel={composeHandlers(onPointerCancel, buttonProps.onPointerCancel)}
      >
        {asChild ? (
          content
        ) : (
          <>
            <span ref={t.meterRef} data-slot="meter" aria-hidden="true" />
            <span data-slot="label">{content}</span>
          </>
        )}
      </Comp>
      {shown && (
        <span id={t.noticeId} role="status" className="rtvi-mic-problem" data-rtvi-mic-problem="" data-rtvi-mic-status={t.status} data-muted-by-bot={flag(t.mutedByBot)}>
          {t.notice}
        </span>
      )}
    </>
  );
});
