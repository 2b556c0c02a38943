import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { SessionTimer } from "rtvi-react-kit";

/**
 * The call's duration, counted from the moment it connected and kept through the bot's
 * reconnects. With `maxDurationSec` it shows the limit and turns `warning` before the end;
 * only the timer's text re-renders, once per second.
 */
const meta = {
  title: "Components/SessionTimer",
  component: SessionTimer,
  parameters: { session: { autoConnect: true, options: { speed: 1 } } },
} satisfies Meta<typeof SessionTimer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Before any call: 0:00, `idle`. */
export const Idle: Story = {
  parameters: { session: { autoConnect: false } },
  play: async ({ canvasElement }) => {
    const timer = within(canvasElement).getByRole("timer");
    await expect(timer).toHaveTextContent("0:00");
    await expect(timer.closest("[data-rtvi-session-timer]")).toHaveAttribute("data-state", "idle");
  },
};

/** Counting a live call. */
export const Running: Story = {
  play: async ({ canvasElement }) => {
    const timer = within(canvasElement).getByRole("timer");
    await waitFor(() => expect(timer).toHaveTextContent("0:01"), { timeout: 5_000 });
    await expect(timer.closest("[data-rtvi-session-timer]")).toHaveAttribute("data-state", "running");
  },
};

/** A 4-second limit with a 2-second warning: running, warning (announced), then expired. */
export const WithLimit: Story = {
  args: { maxDurationSec: 4, warnBeforeSec: 2 },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const root = canvasElement.querySelector("[data-rtvi-session-timer]");
    await expect(c.getByRole("timer")).toHaveTextContent(/^0:0\d \/ 0:04$/);
    await waitFor(() => expect(root).toHaveAttribute("data-state", "warning"), { timeout: 6_000 });
    await expect(c.getByRole("status")).toHaveTextContent("Less than 0:02 left");
    await waitFor(() => expect(root).toHaveAttribute("data-state", "expired"), { timeout: 6_000 });
    await expect(c.getByRole("status")).toHaveTextContent("Time is up");
  },
};
