import { act, screen, within } from "@testing-library/react";
import { Profiler } from "react";
import { describe, expect, it } from "vitest";
import { MetricsPanel, useMetrics } from "../../../src";
import { inject, msg, renderWithSession } from "./helpers";

const ttfb = (value: number) => msg("metrics", { ttfb: [{ processor: "GeminiLive", model: "gemini-live", value }] });

describe("MetricsPanel", () => {
  it("shows last, median and p95 per metric and processor in a table, with a sparkline per row", async () => {
    const { client, transport } = renderWithSession(<MetricsPanel labels={{ title: "Figures" }} />);
    expect(screen.getByText("No metrics yet").closest("[data-rtvi-metrics]")).toHaveAttribute("data-state", "empty");
    await act(() => client.connect());
    for (const v of [0.3, 0.1, 0.5]) inject(transport, msg("user-started-speaking"), ttfb(v));
    inject(transport, msg("metrics", { tokens: [{ processor: "GeminiLive", prompt_tokens: 1200, completion_tokens: 30, total_tokens: 1230 }] }));
    const table = screen.getByRole("table", { name: "Figures" });
    const row = within(table).getByRole("row", { name: /TTFB · GeminiLive/ });
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["500 ms", "300 ms", "500 ms", "3", ""]);
    expect(row.querySelector("[data-rtvi-sparkline]")).toHaveAttribute("data-points", "3");
    expect(row.querySelector("polyline")?.getAttribute("points")?.split(" ")).toHaveLength(3);
    const tokens = within(table).getByRole("row", { name: /Prompt tokens · GeminiLive/ });
    expect(within(tokens).getAllByRole("cell")[0]).toHaveTextContent((1200).toLocaleString());
    // The connect time is the client's own row.
    expect(within(table).getByRole("row", { name: /Time to connect/ })).toBeInTheDocument();
    await client.disconnect();
  });

  it("re-renders only when a metrics message arrives: not for transcript, speaking, levels or malformed metrics", async () => {
    let commits = 0;
    const { client, transport, session } = renderWithSession(
      <Profiler id="panel" onRender={() => void commits++}>
        <MetricsPanel />
      </Profiler>,
    );
    await act(() => client.connect());
    inject(transport, ttfb(0.2));
    const base = commits;
    inject(
      transport,
      msg("bot-llm-started"),
      msg("bot-tts-started"),
      msg("bot-output", { text: "Hello", spoken: true, aggregated_by: "sentence" }),
      msg("bot-transcription", { text: "Hello there." }),
      msg("user-transcription", { text: "hi", final: false, user_id: "u", timestamp: "t" }),
      msg("server-message", { any: 1 }),
      msg("metrics", { ttfb: [{ processor: "X", value: "slow" }] }),
      msg("metrics", null),
    );
    act(() => {
      for (let i = 0; i < 50; i++) session().levels.bot.push(i / 50);
    });
    expect(commits).toBe(base);
    inject(transport, ttfb(0.4));
    expect(commits).toBe(base + 1);
    expect(screen.getByRole("row", { name: /TTFB/ })).toHaveTextContent("400 ms");
    await client.disconnect();
  });

  it("useMetrics gives the series per kind, with voice-to-voice latency from the client", async () => {
    let seen: ReturnType<typeof useMetrics> | null = null;
    function Probe() {
      seen = useMetrics();
      return null;
    }
    const { client, transport } = renderWithSession(<Probe />);
    await act(() => client.connect());
    inject(transport, msg("user-started-speaking"), msg("user-stopped-speaking"), msg("bot-started-speaking"), msg("metrics", { processing: [{ processor: "OfflineDemoBot", value: 0.8 }] }));
    const m = seen as unknown as ReturnType<typeof useMetrics>;
    expect(m.byKind("voiceToVoice").map((s) => s.processor)).toEqual(["client"]);
    expect(m.byKind("processing")[0]?.last).toBe(800);
    expect(m.turns).toHaveLength(1);
    expect(m.connectMs).not.toBeNull();
    await client.disconnect();
  });
});
