import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ScreenShareToggle, VideoTile } from "rtvi-react-kit";
import { waitReady } from "./support/play";
import { sessionOf } from "./support/session";

/**
 * Starts and stops a screen share (`aria-pressed` = sharing); disabled, and saying so, where
 * the browser or the transport cannot share a screen.
 */
const meta = {
  title: "Components/ScreenShareToggle",
  component: ScreenShareToggle,
  parameters: { session: { autoConnect: true } },
  render: (args) => (
    <div style={{ display: "grid", gap: 8, width: 240 }}>
      <div style={{ height: 180 }}>
        <VideoTile source="screen" fit="contain" />
      </div>
      <ScreenShareToggle {...args} />
    </div>
  ),
} satisfies Meta<typeof ScreenShareToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Share (a canvas track filled with one blue), then stop: the track ends. */
export const Toggle: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const button = within(canvasElement).getByRole("button", { name: "Share screen" });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
    const track = transport.tracks().local.screenVideo!;
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "false"));
    await expect(track.readyState).toBe("ended");
  },
};

/** A transport that cannot share: the reason, in words. */
export const Unsupported: Story = {
  parameters: { session: { autoConnect: true, options: { video: { screen: false } } } },
  play: async ({ canvasElement, loaded }) => {
    await waitReady(sessionOf({ loaded }).transport);
    const button = within(canvasElement).getByRole("button", { name: "Share screen" });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAccessibleDescription("Screen sharing is not supported here."));
  },
};
