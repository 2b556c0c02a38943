// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { MetricsPanel, MicCheck, RTVIClientProvider, SessionTimer, VoiceVisualizer } from "../../src";

describe("issue 18 components render on the server", () => {
  it("MetricsPanel, SessionTimer, MicCheck and the band/orb visualizer render without a window or a client", () => {
    expect(typeof window).toBe("undefined");
    const createClient = vi.fn(() => {
      throw new Error("a client must not be constructed on the server");
    });
    const html = renderToString(
      <RTVIClientProvider createClient={createClient}>
        <MetricsPanel />
        <SessionTimer maxDurationSec={300} />
        <MicCheck />
        <VoiceVisualizer variant="orb" bands="mel" />
      </RTVIClientProvider>,
    );
    expect(createClient).not.toHaveBeenCalled();
    expect(html).toContain("No metrics yet");
    expect(html).toContain('role="timer"');
    expect(html).toContain("0:00 / 5:00");
    expect(html).toContain('role="meter"');
    expect(html).toContain('data-variant="orb"');
  });
});
