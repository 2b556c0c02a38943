import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { MicToggle } from "rtvi-react-kit";
import { waitReady } from "./support/play";
import { sessionOf } from "./support/session";

/**
 * Mutes and unmutes the microphone (`aria-pressed` = muted), or push-to-talk: the mic is on
 * only while Space or the button is held. Its level meter never re-renders React, and a
 * blocked or missing microphone is said in words.
 */
const meta = {
  title: "Components/MicToggle",
  component: MicToggle,
  args: { onMutedChange: fn() },
  parameters: { session: { autoConnect: true } },
} satisfies Meta<typeof MicToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Click mutes (pressed), click again unmutes; the transport's mic follows. */
export const Toggle: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const button = within(canvasElement).getByRole("button", { name: "Mute" });
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
    await expect(button).toHaveAttribute("data-state", "muted");
    await expect(transport.isMicEnabled).toBe(false);
    await expect(args.onMutedChange).toHaveBeenLastCalledWith(true);
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "false"));
    await expect(transport.isMicEnabled).toBe(true);
    await expect(args.onMutedChange).toHaveBeenLastCalledWith(false);
  },
};

/** Hold Space (anywhere but a text field) or the button to talk; release to mute again. */
export const PushToTalk: Story = {
  args: { mode: "push-to-talk" },
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const button = within(canvasElement).getByRole("button", { name: "Push to talk" });
    // One user-event instance, so the key pressed in one call is the key released in the next.
    const user = userEvent.setup();
    await waitFor(() => expect(transport.isMicEnabled).toBe(false));
    await expect(button).toHaveAttribute("aria-pressed", "false");

    await user.keyboard("[Space>]");
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
    await expect(button).toHaveAttribute("data-talking");
    await waitFor(() => expect(transport.isMicEnabled).toBe(true));
    await user.keyboard("[/Space]");
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "false"));
    await waitFor(() => expect(transport.isMicEnabled).toBe(false));

    await user.pointer({ keys: "[MouseLeft>]", target: button });
    await waitFor(() => expect(transport.isMicEnabled).toBe(true));
    await user.pointer({ keys: "[/MouseLeft]", target: button });
    await waitFor(() => expect(transport.isMicEnabled).toBe(false));
  },
};

/** Starts muted (uncontrolled `defaultMuted`), applied once connected. */
export const DefaultMuted: Story = {
  args: { defaultMuted: true },
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    await waitFor(() => expect(within(canvasElement).getByRole("button", { name: "Mute" })).toHaveAttribute("aria-pressed", "true"));
    await expect(transport.isMicEnabled).toBe(false);
  },
};

/** The user denied the microphone: the problem shows beside the button and describes it. */
export const PermissionDenied: Story = {
  parameters: { session: { options: { microphone: "denied" } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const problem = await canvas.findByRole("status", {}, { timeout: 5_000 });
    await expect(problem).toHaveTextContent(/blocked/i);
    await expect(canvas.getByRole("button", { name: "Mute" })).toHaveAccessibleDescription(problem.textContent ?? "");
  },
};

/** No microphone at all. */
export const NoMicrophone: Story = {
  parameters: { session: { options: { microphone: "no-device" } } },
  play: async ({ canvasElement }) => {
    const problem = await within(canvasElement).findByRole("status", {}, { timeout: 5_000 });
    await expect(problem).toHaveAttribute("data-rtvi-mic-status", "no-device");
  },
};
