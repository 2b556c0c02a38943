import { describe, expect, it } from "vitest";
import { TurnMetrics } from "../../example-app/server/turnMetrics";
import type { RtviMessage } from "../../example-app/server/rtvi";

describe("TurnMetrics (Pipecat-shaped metrics per turn)", () => {
  it("sends ttfb at the bot's first output and processing at generationComplete, in seconds, once per turn", () => {
    let t = 0;
    const sent: RtviMessage[] = [];
    const m = new TurnMetrics("OfflineDemoBot", "stand-in", (x) => sent.push(x), () => t);
    m.botStarted(); // the greeting: no user turn to measure from
    m.generationDone();
    expect(sent).toHaveLength(0);
    t = 1000;
    m.userDone();
    t = 1450;
    m.botStarted();
    t = 1500;
    m.botStarted();
    t = 3200;
    m.generationDone();
    m.generationDone();
    expect(sent).toEqual([
      { label: "rtvi-ai", type: "metrics", data: { ttfb: [{ processor: "OfflineDemoBot", model: "stand-in", value: 0.45 }] } },
      { label: "rtvi-ai", type: "metrics", data: { processing: [{ processor: "OfflineDemoBot", model: "stand-in", value: 2.2 }] } },
    ]);
  });
});
