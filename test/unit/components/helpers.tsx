import { act } from "@testing-library/react";
import { useContext } from "react";
import { RTVIContext, type RTVIContextValue } from "../../../src/provider/context";
import type { ScriptedTransport, ScriptMessage } from "../../../src/testing";

export const READY = { events: [{ at: 0, message: { label: "rtvi-ai", type: "bot-ready", id: "1", data: { version: "2.1.0" } } }] };

/** Captures the provider's context, so a test can reach the session (levels, dispatch). */
export function ContextProbe({ onContext }: { onContext: (ctx: RTVIContextValue) => void }) {
  const ctx = useContext(RTVIContext);
  if (ctx) onContext(ctx);
  return null;
}

/** An RTVI message as a bot sends it. */
export const msg = (type: string, data?: unknown): ScriptMessage => ({ label: "rtvi-ai", type, data });

/** Delivers messages now, inside act. */
export function inject(transport: ScriptedTransport, ...messages: ScriptMessage[]): void {
  act(() => {
    for (const m of messages) transport.inject(m);
  });
}

/** Steps a paused transport until `done()` holds (or the script ends). */
export function stepUntil(transport: ScriptedTransport, done: () => boolean): void {
  // One act per event: React commits between steps, so `done` can read the DOM.
  while (!done()) {
    let more = false;
    act(() => {
      more = transport.step();
    });
    if (!more) return;
  }
}
