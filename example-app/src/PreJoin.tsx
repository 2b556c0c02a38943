import { MicCheck, useSessionState } from "rtvi-react-kit";
import "./prejoin.css";

/**
 * The microphone check, shown until the first call starts: the user picks a mic and sees
 * it move; the kit releases it as the call starts and the call uses the same mic.
 */
export function PreJoin() {
  const started = useSessionState((s) => s.callStartedAt !== null || s.transportState !== "disconnected");
  if (started) return null;
  return (
    <section className="app-prejoin" aria-label="Microphone check">
      <h2>Before you join</h2>
      <MicCheck autoStart={false} className="app-mic-check" />
    </section>
  );
}
