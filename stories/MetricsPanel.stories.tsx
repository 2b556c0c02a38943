import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { MetricsPanel } from "rtvi-react-kit";
import { ScriptBuilder } from "./support/scripts";

/**
 * The session's figures: the bot's RTVI `metrics` (TTFB, processing, tokens, TTS
 * characters, per processor) and the client's voice-to-voice latency and connect time, as a
 * table with last / median / p95 and a small SVG sparkline per row. It re-renders only when
 * a figure arrives.
 */
const meta = {
  title: "Components/MetricsPanel",
  component: MetricsPanel,
  parameters: { session: { autoConnect: true, options: { speed: 4 } } },
} satisfies Meta<typeof MetricsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const TTFB = [0.42, 0.61, 0.38, 0.9];

/** Four exchanges with Pipecat-shaped metrics after each answer. */
function withMetrics(): ScriptBuilder {
  const b = new ScriptBuilder();
  TTFB.forEach((ttfb, i) => {
    b.user(`Question number ${i + 1}?`).bot("Here is a short answer.", { latencyMs: 400 + i * 100 });
    b.message("metrics", {
      ttfb: [{ processor: "GeminiLive", model: "gemini-live", value: ttfb }],
      processing: [{ processor: "GeminiLive", model: "gemini-live", value: ttfb + 1.2 }],
      tokens: [{ processor: "GeminiLive", model: "gemini-live", prompt_tokens: 900 + i * 140, completion_tokens: 40 + i, total_tokens: 940 + i * 141 }],
      characters: [{ processor: "TTS", value: 22 }],
    });
  });
  return b;
}

/** Before the first figure. */
export const Empty: Story = {
  parameters: { session: { autoConnect: false } },
  play: async ({ canvasElement }) => {
    const panel = canvasElement.querySelector("[data-rtvi-metrics]");
    await expect(panel).toHaveAttribute("data-state", "empty");
    await expect(within(canvasElement).getByText("No metrics yet")).toBeInTheDocument();
  },
};

/** A session with figures: the table fills in as metrics arrive. */
export const Session: Story = {
  parameters: { session: { script: withMetrics().build("metrics") } },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const table = await c.findByRole("table", { name: "Metrics" }, { timeout: 10_000 });
    await waitFor(() => expect(within(table).getByRole("row", { name: /TTFB · GeminiLive/ })).toHaveTextContent("900 ms"), { timeout: 15_000 });
    const row = within(table).getByRole("row", { name: /TTFB · GeminiLive/ });
    // last 900, median of 420/610/380/900 = 515, p95 = 900
    await expect(within(row).getAllByRole("cell").map((x) => x.textContent)).toEqual(["900 ms", "515 ms", "900 ms", "4", ""]);
    await expect(row.querySelector("[data-rtvi-sparkline]")).toHaveAttribute("data-points", "4");
    await expect(within(table).getByRole("row", { name: /Voice-to-voice/ })).toBeInTheDocument();
    await expect(within(table).getByRole("row", { name: /Time to connect/ })).toBeInTheDocument();
  },
};

/** Only some kinds, with translated labels. */
export const LatencyOnly: Story = {
  args: { kinds: ["ttfb", "voiceToVoice"], labels: { title: "延迟", kinds: { ttfb: "首字节", voiceToVoice: "语音到语音" }, last: "最近", median: "中位数" } },
  parameters: { session: { script: withMetrics().build("metrics-zh") } },
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole("table", { name: "延迟" }, { timeout: 15_000 });
    await waitFor(() => expect(within(table).getByRole("row", { name: /首字节 · GeminiLive/ })).toBeInTheDocument(), { timeout: 15_000 });
    await expect(within(table).queryByRole("row", { name: /tokens/i })).toBeNull();
  },
};
