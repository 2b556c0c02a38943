import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { LatencyBadge } from "rtvi-react-kit";
import { conversation, ScriptBuilder } from "./support/scripts";

/**
 * Voice-to-voice latency: from the user's end of speech (or a typed send) to the bot's first
 * audio, for the last turn and the session's median, with `data-state` good / ok / slow.
 */
const meta = {
  title: "Components/LatencyBadge",
  component: LatencyBadge,
  parameters: { session: { autoConnect: true, options: { speed: 1 } } },
} satisfies Meta<typeof LatencyBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Before the first answer there is nothing to measure. */
export const NoneYet: Story = {
  parameters: { session: { autoConnect: false } },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText("Latency —");
    await expect(badge).toHaveAttribute("data-state", "none");
  },
};

/** Two quick answers (the bot starts speaking about 0.7 s after the user stops): `good`. */
export const Good: Story = {
  parameters: { session: { script: conversation(2, new ScriptBuilder(), { wordMs: 40 }).build("quick") } },
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector<HTMLElement>("[data-rtvi-latency]");
    await waitFor(() => expect(badge).toHaveTextContent(/^Latency \d+ ms · median \d+ ms$/), { timeout: 10_000 });
    await waitFor(() => expect(badge).toHaveAttribute("data-state", "good"));
  },
};

/** A bot that takes over two seconds to answer: `slow` (over `slowMs`, default 1500). */
export const Slow: Story = {
  parameters: { session: { script: new ScriptBuilder().user("Are you there?").bot("Yes, sorry, I'm here.", { latencyMs: 2000 }).build("slow") } },
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector<HTMLElement>("[data-rtvi-latency]");
    await waitFor(() => expect(badge).toHaveAttribute("data-state", "slow"), { timeout: 10_000 });
    const ms = Number(/Latency (\d+) ms/.exec(badge?.textContent ?? "")?.[1]);
    await expect(ms).toBeGreaterThan(1500);
  },
};

/** Custom thresholds and label. */
export const CustomThresholds: Story = {
  args: { label: "Response", goodMs: 200, slowMs: 400 },
  parameters: { session: { script: new ScriptBuilder().user("Hello?").bot("Hi!").build("ok") } },
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector<HTMLElement>("[data-rtvi-latency]");
    await waitFor(() => expect(badge).toHaveTextContent(/^Response \d+ ms/), { timeout: 10_000 });
    await expect(badge).toHaveAttribute("data-state", "slow");
  },
};
