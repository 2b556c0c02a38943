import type { APIRequest, TransportConnectionParams, TransportState } from "@pipecat-ai/client-js";
import { useCallback, useId, type MouseEvent } from "react";
import { useConnection } from "../hooks/useConnection";
import { useRTVIError } from "../hooks/useRTVIError";
import { ignore } from "./dom";

/** What a connect button shows: every transport state, plus `retry` after a failure. */
export type ConnectButtonState = TransportState | "retry";

/** A label per {@link ConnectButtonState}; missing ones fall back to the defaults. */
export type ConnectButtonLabels = Partial<Record<ConnectButtonState, string>>;

/** Options of {@link useConnectButton}. Give `startBot` or `params`, or neither. */
export interface UseConnectButtonOptions {
  /** Starts the bot through your server first (`client.startBotAndConnect`). */
  startBot?: APIRequest;
  /** Transport connection params (`client.connect(params)`), when there is no `startBot`. */
  params?: TransportConnectionParams;
  labels?: ConnectButtonLabels;
}

/** Result of {@link useConnectButton}: state for rendering and props for a `<button>`. */
export interface UseConnectButtonResult {
  readonly state: ConnectButtonState;
  readonly label: string;
  /** A connect or disconnect is in flight: clicks are ignored. */
  readonly busy: boolean;
  readonly connected: boolean;
  /** The connect failure or fatal error to show, or null. */
  readonly error: string | null;
  /** The id to give the element that shows `error` (the button points at it). */
  readonly errorId: string;
  /** Connects, disconnects or retries, depending on the state. Never rejects. */
  readonly activate: () => void;
  readonly buttonProps: {
    readonly type: "button";
    readonly "aria-busy": boolean | undefined;
    readonly "aria-disabled": boolean | undefined;
    readonly "aria-describedby": string | undefined;
    readonly "data-state": ConnectButtonState;
    readonly "data-busy": "" | undefined;
    readonly "data-disabled": "" | undefined;
    readonly "data-rtvi-connect-button": "";
    readonly onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  };
}

const DEFAULT_LABELS: Record<ConnectButtonState, string> = {
  disconnected: "Connect",
  initializing: "Starting…",
  initialized: "Connecting…",
  authenticating: "Authenticating…",
  authenticated: "Connecting…",
  connecting: "Connecting…",
  connected: "Waiting for the bot…",
  ready: "Disconnect",
  disconnecting: "Disconnecting…",
  error: "Retry",
  retry: "Retry",
};

/**
 * Headless connect button: one click connects, a second disconnects, a failure turns it
 * into "Retry" with the error to show. Rejections are caught here (the store records them),
 * so a click never leaves an unhandled rejection.
 */
export function useConnectButton(options: UseConnectButtonOptions = {}): UseConnectButtonResult {
  const { startBot, params, labels } = options;
  const { state: transportState, connected, busy, connect, disconnect } = useConnection();
  const { error: lastError } = useRTVIError();
  const errorId = useId();
  // Only failures that ended (or prevented) the session belong on the button; other errors
  // show in the transcript.
  const error = lastError && (lastError.source === "connect" || lastError.fatal) ? lastError.message : null;
  const state: ConnectButtonState = error !== null && !busy && !connected ? "retry" : transportState;
  const label = labels?.[state] ?? DEFAULT_LABELS[state];

  const activate = useCallback(() => {
    if (busy) return;
    if (connected) void disconnect().catch(ignore);
    else void connect(startBot ? { startBot } : { params }).catch(ignore);
  }, [busy, connected, connect, disconnect, startBot, params]);

  return {
    state,
    label,
    busy,
    connected,
    error,
    errorId,
    activate,
    buttonProps: {
      type: "button",
      "aria-busy": busy || undefined,
      // aria-disabled rather than `disabled`: the button keeps focus during the transition,
      // so a screen reader user hears the new label instead of landing on <body>.
      "aria-disabled": busy || undefined,
      "aria-describedby": error ? errorId : undefined,
      "data-state": state,
      "data-busy": busy ? "" : undefined,
      "data-disabled": busy ? "" : undefined,
      "data-rtvi-connect-button": "",
      onClick: () => activate(),
    },
  };
}
