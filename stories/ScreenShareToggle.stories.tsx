import type { Meta, StoryObj } from "@storybook/react-vite";
import { ScreenShareToggle, VideoTile } from "rtvi-react-kit";
import { playToggleEndsTrack, playToggleSaysWhy } from "./support/mediaToggle";

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
  play: (context) => playToggleEndsTrack(context, "Share screen", "screenVideo"),
};

/** A transport that cannot share: the reason, in words. */
export const Unsupported: Story = {
  parameters: { session: { autoConnect: true, options: { video: { screen: false } } } },
  play: (context) => playToggleSaysWhy(context, "Share screen", "Screen sharing is not supported here."),
};
