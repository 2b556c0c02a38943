import { Slot } from "./Slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeHandlers, cx, slotChild } from "./dom";
import { useConnectButton, type ConnectButtonState, type UseConnectButtonOptions } from "./useConnectButton";

/** What {@link ConnectButton}'s render-prop `children` receives. */
export interface ConnectButtonRenderState {
  readonly state: ConnectButtonState;
  readonly label: string;
  readonly busy: boolean;
  readonly error: string | null;
}

/** Props of {@link ConnectButton}: the options of `useConnectButton` plus any `<button>` prop. */
export interface ConnectButtonProps extends UseConnectButtonOptions, Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "type"> {
  /**
   * Replaces the label: a node, or a function of the button's state. With `asChild`, the one
   * element to render as the button (it gets the label when it has no children of its own).
   */
  children?: ReactNode | ((state: ConnectButtonRenderState) => ReactNode);
  /** Show the error message beside the button (`role="alert"`). Default true; turn off to show it yourself. */
  showError?: boolean;
  /**
   * Render the child element instead of a `<button>` (Radix `Slot`): it receives the button's
   * props, `aria-busy`/`aria-disabled`, data attributes and the ref; its own handlers run
   * first and may `preventDefault()` to skip the connect.
   */
  asChild?: boolean;
}

/**
 * Connects on the first click and disconnects on the second, with a label for every
 * transport state, `aria-busy` while a transition runs, and the error plus "Retry" when
 * connecting fails or the bot ends the session with an error. The ref reaches the button.
 *
 * @example
 * <ConnectButton startBot={{ endpoint: "/api/start" }} />
 * <ConnectButton asChild><button className="my-button" /></ConnectButton>
 */
export const ConnectButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ConnectButtonProps>(function ConnectButton(props, ref) {
  const { startBot, params, labels, children, showError = true, asChild = false, className, onClick, ...rest } = props;
  const { state, label, busy, error, errorId, buttonProps } = useConnectButton({ startBot, params, labels });
  const shown = showError && error !== null;
  // Our error id joins the user's own description instead of replacing it.
  const describedBy = cx(rest["aria-describedby"], shown && errorId) || undefined;
  const content = asChild ? slotChild(children as ReactNode, label) : typeof children === "function" ? children({ state, label, busy, error }) : (children ?? label);
  // Slot takes any element; typed as "button" so the button's attributes type-check.
  const Comp = (asChild ? Slot : "button") as "button";
  return (
    <>
      <Comp {...rest} {...buttonProps} ref={ref} aria-describedby={describedBy} className={cx("rtvi-connect-button", className)} onClick={composeHandlers(onClick, buttonProps.onClick)}>
        {content}
      </Comp>
      {shown && (
        <span id={errorId} role="alert" className="rtvi-connect-error" data-rtvi-connect-error="">
          {error}
        </span>
      )}
    </>
  );
});
