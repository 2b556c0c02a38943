import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VoiceVisualizer } from "../../../src";
import type { RTVIContextValue } from "../../../src/provider/context";
import { renderWithClient, scriptedClient } from "../../support/session";
import { ContextProbe, READY } from "./helpers";

// WebSocketTransport with WavMediaManager plays the bot itself: no bot track, no level events.
function mount(ui: React.ReactNode) {
  let ctx: RTVIContextValue | null = null;
  const { client } = scriptedClient(READY);
  const view = renderWithClient(
    client,
    <>
      <ContextProbe onContext={(c) => (ctx = c)} />
      {ui}
    </>,
  );
  return { ...view, client, session: () => (ctx as unknown as RTVIContextValue).session };
}

describe("VoiceVisualizer without any level source", () => {
  beforeEach(() => {
    vi.spyOn(window, "requestAnimationFrame").mockImplementation(() => 1);
    vi.spyOn(window, "cancelAnimationFrame").mockImplementation(() => undefined);
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation((() => null) as unknown as HTMLCanvasElement["getContext"]);
  });
  afterEach(() => vi.restoreAllMocks());

  it("says so while connected (data-signal, and the noSignal label when given) until a transport level arrives", async () => {
    const { session, client } = mount(<VoiceVisualizer labels={{ noSignal: "no audio level" }} />);
    const img = screen.getByRole("img", { name: "Not connected" });
    expect(img.getAttribute("data-signal")).toBeNull();
    await act(() => client.connect());
    expect(img.getAttribute("aria-label")).toBe("Listening (no audio level)");
    expect(img.getAttribute("data-signal")).toBe("none");
    act(() => session().levels.bot.push(0.4, true));
    expect(img.getAttribute("data-signal")).toBeNull();
    expect(img.getAttribute("aria-label")).toBe("Listening");
  });

  it("keeps the plain state name when no noSignal label is given, and has a signal with levels from a prop", async () => {
    const { client } = mount(
      <>
        <VoiceVisualizer data-testid="bus" />
        <VoiceVisualizer data-testid="prop" levels={0.3} />
      </>,
    );
    await act(() => client.connect());
    const bus = screen.getByTestId("bus");
    expect(bus.getAttribute("aria-label")).toBe("Listening");
    expect(bus.getAttribute("data-signal")).toBe("none");
    expect(screen.getByTestId("prop").getAttribute("data-signal")).toBeNull();
  });
});
