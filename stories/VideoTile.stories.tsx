import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { CameraToggle, ScreenShareToggle, VideoTile } from "rtvi-react-kit";
import { waitReady } from "./support/play";
import { sessionOf } from "./support/session";

/**
 * Shows the user's camera (mirrored self view), their screen share or the bot's video, with a
 * placeholder while there is none. `data-state`: off, starting, live, error. Here the
 * ScriptedTransport draws the camera on a canvas (`canvasVideoTrack`): a green picture with a
 * moving square, so frames can be seen advancing offline.
 */
const meta = {
  title: "Components/VideoTile",
  component: VideoTile,
  args: { source: "camera" },
  parameters: { session: { autoConnect: true } },
  decorators: [
    (Story) => (
      <div style={{ width: 320, height: 240, position: "relative" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof VideoTile>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No camera yet: the placeholder and the tile's name. */
export const Off: Story = {
  play: async ({ canvasElement, loaded }) => {
    await waitReady(sessionOf({ loaded }).transport);
    const tile = within(canvasElement).getByRole("group", { name: "Your camera" });
    await expect(tile).toHaveAttribute("data-state", "off");
    await expect(tile).toHaveTextContent("Camera off");
  },
};

/** The camera on: the tile goes live and mirrors the picture. */
export const LiveCamera: Story = {
  render: (args) => (
    <>
      <VideoTile {...args} />
      <CameraToggle />
    </>
  ),
  play: async ({ canvasElement, loaded }) => {
    const { client, transport } = sessionOf({ loaded });
    await waitReady(transport);
    client.enableCam(true);
    const tile = within(canvasElement).getByRole("group", { name: "Your camera" });
    await waitFor(() => expect(tile).toHaveAttribute("data-state", "live"), { timeout: 5000 });
    await expect(tile).toHaveAttribute("data-mirrored", "");
    const video = tile.querySelector("video")!;
    const t0 = video.currentTime;
    await waitFor(() => expect(video.currentTime).toBeGreaterThan(t0), { timeout: 5000 });
  },
};

/** A shared screen, not mirrored, fitted whole. */
export const Screen: Story = {
  args: { source: "screen", fit: "contain" },
  render: (args) => (
    <>
      <VideoTile {...args} />
      <ScreenShareToggle />
    </>
  ),
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const c = within(canvasElement);
    const tile = c.getByRole("group", { name: "Your screen" });
    await expect(tile).toHaveTextContent("Not sharing");
    c.getByRole("button", { name: "Share screen" }).click();
    await waitFor(() => expect(tile).toHaveAttribute("data-state", "live"), { timeout: 5000 });
    await expect(tile).not.toHaveAttribute("data-mirrored");
  },
};

/** A blocked camera: the tile says why. */
export const Blocked: Story = {
  parameters: { session: { autoConnect: true, options: { video: { camera: "denied" } } } },
  play: async ({ canvasElement, loaded }) => {
    const { client, transport } = sessionOf({ loaded });
    await waitReady(transport);
    client.enableCam(true);
    const tile = within(canvasElement).getByRole("group", { name: "Your camera" });
    await waitFor(() => expect(tile).toHaveAttribute("data-state", "error"));
    await expect(tile).toHaveTextContent(/Camera access is blocked/);
  },
};
