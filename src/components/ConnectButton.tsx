import type { ButtonHTMLAttributes, ReactNode } from "react";
import { composeHandlers, cx } from "./dom";
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
  /** Replaces the label: a node, or a function of the button's state. */
  children?: ReactNode | ((state: ConnectButtonRenderState) => ReactNode);
  /** Show the error message beside the button (`role="alert"`). Default true; turn off to show it yourself. */
  showError?: boolean;
}

/**
 * Connects on the first click and disconnects on the second, with a label for every
 * transport state, `aria-busy` while a transition runs, and the error plus "Retry" when
 * connecting fails or the bot ends the session with an error.
 *
 * @example
 * <ConnectButton startBot={{ endpoint: "/api/start" }} />
 */
export function ConnectButton(props: ConnectButtonProps): ReactNode {
  const { startBot, params, labels, children, showError = true, className, onClick, ...rest } = props;
  const { state, label, busy, error, errorId, buttonProps } = useConnectButton({ startBot, params, labels });
  const shown = showError && error !== null;
  // Our error id joins the user's own description instead of replacing it.
  const describedBy = cx(rest["aria-describedby"], shown && errorId) || undefined;
  const content = typeof children === "function" ? children({ state, label, busy, error }) : (children ?? label);
  return (
    <>
      <button {...rest} {...buttonProps} aria-describedby={describedBy} className={cx("rtvi-connect-button", className)} onClick={composeHandlers(onClick, buttonProps.onClick)}>
        {content}
      </button>
      {shown && (
        <span id={errorId} role="alert" className="rtvi-connect-error" data-rtvi-connect-error="">
          {error}
        </span>
      )}
    </>
  );
}
