import { act } from "@testing-library/react";
import { useContext, type ReactNode } from "react";
import { afterEach, beforeEach, vi } from "vitest";
import { RTVIContext, type RTVIContextValue } from "../../../src/provider/context";
import type { ScriptedTransport, ScriptMessage } from "../../../src/testing";
import { renderWithClient, scriptedClient } from "../../support/session";

export const READY = { events: [{ at: 0, message: { label: "rtvi-ai", type: "bot-ready", id: "1", data: { version: "2.1.0" } } }] };

/** Captures the provider's context, so a test can reach the session (levels, dispatch). */
export function ContextProbe({ onContext }: { onContext: (ctx: RTVIContextValue) => void }) {
  const ctx = useContext(RTVIContext);
  if (ctx) onContext(ctx);
  return null;
}

/** Renders `ui` in a provider over a ready scripted client, with the session reachable for injecting levels and state. */
export function renderWithSession(ui: ReactNode) {
  let ctx: RTVIContextValue | null = null;
  const { client, transport } = scriptedClient(READY);
  const view = renderWithClient(
    client,
    <>
      <ContextProbe onContext={(c) => (ctx = c)} />
      {ui}
    </>,
  );
  return { ...view, client, transport, session: () => (ctx as unknown as RTVIContextValue).session };
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

/**
 * For the tests of the surrounding describe: a MediaStream stand-in, and `play()` rejecting as a
 * browser that blocks autoplay does until the test calls `allow()` (a user gesture, in effect).
 */
export function blockAutoplayUntilAllowed(): { allow(): void } {
  let allowed = false;
  beforeEach(() => {
    allowed = false;
    vi.stubGlobal(
      "MediaStream",
      class {
        constructor(readonly tracks: MediaStreamTrack[]) {}
        getTracks() {
          return this.tracks;
        }
      },
    );
    vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(() => (allowed ? Promise.resolve() : Promise.reject(new DOMException("Autoplay blocked", "NotAllowedError"))));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
  return {
    allow: () => {
      allowed = true;
    },
  };
}
