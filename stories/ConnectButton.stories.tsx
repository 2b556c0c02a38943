import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ConnectButton } from "rtvi-react-kit";
import { ScriptBuilder } from "./support/scripts";

/**
 * One click connects, the next disconnects. Every transport state has a label, `aria-busy`
 * is set while a transition runs, and a failed connection shows its error with "Retry".
 * The stories connect to a `ScriptedTransport` (no server): `connectDelayMs` makes the
 * "Connecting…" state visible.
 */
const meta = {
  title: "Components/ConnectButton",
  component: ConnectButton,
  parameters: { session: { options: { connectDelayMs: 600 } } },
} satisfies Meta<typeof ConnectButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Connect → connecting (busy) → ready ("Disconnect") → disconnect → "Connect" again. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Connect" });
    await expect(button).toHaveAttribute("data-state", "disconnected");
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-busy", "true"));
    await expect(button).toHaveAccessibleName(/Connecting|Starting/);
    await waitFor(() => expect(button).toHaveAccessibleName("Disconnect"), { timeout: 5_000 });
    await expect(button).toHaveAttribute("data-state", "ready");
    await expect(button).not.toHaveAttribute("aria-busy");
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAccessibleName("Connect"));
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/** The server cannot be reached: the error shows beside the button, which offers "Retry" and points at the error. */
export const FailsToConnect: Story = {
  parameters: { session: { options: { connectDelayMs: 300, failConnect: "Server unreachable (503)." } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Connect" }));
    const alert = await canvas.findByRole("alert", {}, { timeout: 5_000 });
    await expect(alert).toHaveTextContent("Server unreachable (503).");
    const retry = canvas.getByRole("button", { name: "Retry" });
    await expect(retry).toHaveAttribute("data-state", "retry");
    await expect(retry).toHaveAccessibleDescription("Server unreachable (503).");
    // Retrying goes through "connecting" again and fails the same way.
    await userEvent.click(retry);
    await waitFor(() => expect(canvas.getByRole("button")).toHaveAttribute("aria-busy", "true"));
    await waitFor(() => expect(canvas.getByRole("button", { name: "Retry" })).toBeInTheDocument(), { timeout: 5_000 });
    await expect(canvas.getByRole("alert")).toHaveTextContent("Server unreachable (503).");
  },
};

/** The bot ends the session with a fatal error: the button turns into "Retry" with the bot's message. */
export const FatalErrorFromBot: Story = {
  parameters: { session: { script: new ScriptBuilder().wait(300).error("LLM service unavailable", true).build("fatal") } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Connect" }));
    await expect(await canvas.findByRole("alert", {}, { timeout: 5_000 })).toHaveTextContent("LLM service unavailable");
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

/** Labels per state, e.g. for a call UI. */
export const CustomLabels: Story = {
  args: { labels: { disconnected: "Start call", connecting: "Calling…", ready: "End call" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Start call" }));
    await expect(await canvas.findByRole("button", { name: "End call" }, { timeout: 5_000 })).toHaveAttribute("data-state", "ready");
  },
};
