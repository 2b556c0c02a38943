import { useCallback } from "react";
import { useRTVIContext } from "../provider/context";
import type { RTVIErrorInfo } from "../store/sessionState";
import { useSessionState } from "./useSessionState";

/** Result of {@link useRTVIError}. */
export interface UseRTVIErrorResult {
  /** The last error not yet cleared, or null. */
  readonly error: RTVIErrorInfo | null;
  /** Whether that error ended the session. */
  readonly fatal: boolean;
  /** Every error of the session (the last 50), cleared or not. */
  readonly errors: readonly RTVIErrorInfo[];
  /** Dismisses `error` (the history keeps it). */
  clear(): void;
}

/** The session's last error: from the bot, a failed connect or action, or a device. */
export function useRTVIError(): UseRTVIErrorResult {
  const { session } = useRTVIContext("useRTVIError");
  const error = useSessionState((s) => s.lastError, "useRTVIError");
  const errors = useSessionState((s) => s.errors, "useRTVIError");
  const clear = useCallback(() => session.dispatch({ type: "clear-error" }), [session]);
  return { error, fatal: error?.fatal ?? false, errors, clear };
}
