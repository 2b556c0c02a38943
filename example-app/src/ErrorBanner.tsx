import { useRTVIError, useTransportState } from "rtvi-react-kit";

/** The session's last error in words, with a way to dismiss it; retry lives on the connect button. */
export function ErrorBanner() {
  const { error, clear } = useRTVIError();
  const state = useTransportState();
  if (!error) return null;
  const hint =
    error.source === "connect"
      ? "Check that the bot server is running, then press Retry."
      : error.source === "device"
        ? "Check the microphone permission in the browser's site settings."
        : error.fatal
          ? "The call ended. Press Connect to start a new one; the transcript is kept."
          : null;
  return (
    <div className="app-error" role="alert" data-state={error.fatal ? "fatal" : "warning"}>
      <p>
        <strong>{error.fatal ? "Disconnected: " : "Problem: "}</strong>
        {error.message}
        {hint && <span className="app-error-hint"> {hint}</span>}
      </p>
      <button type="button" onClick={clear} aria-label="Dismiss the error" disabled={state === "connecting"}>
        Dismiss
      </button>
    </div>
  );
}
