import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { CameraToggle, VideoTile } from "rtvi-react-kit";
import { waitReady } from "./support/play";
import { sessionOf } from "./support/session";

/**
 * Turns the camera on and off (`aria-pressed` = on, `aria-busy` while it starts); disabled
 * where the browser has no camera access; a blocked or missing camera is said in words.
 */
const meta = {
  title: "Components/CameraToggle",
  component: CameraToggle,
  parameters: { session: { autoConnect: true } },
  render: (args) => (
    <div style={{ display: "grid", gap: 8, width: 240 }}>
      <div style={{ height: 180 }}>
        <VideoTile />
      </div>
      <CameraToggle {...args} />
    </div>
  ),
} satisfies Meta<typeof CameraToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Click turns the camera on (a canvas track), click again stops its track. */
export const Toggle: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const button = within(canvasElement).getByRole("button", { name: "Camera" });
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "on"));
    const track = transport.tracks().local.video!;
    await expect(track.readyState).toBe("live");
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "false"));
    await expect(track.readyState).toBe("ended");
  },
};

/** No camera on this machine: the reason beside the button. */
export const NoCamera: Story = {
  parameters: { session: { autoConnect: true, options: { video: { camera: "no-device" } } } },
  args: { labels: { label: "摄像头" } },
  play: async ({ canvasElement, loaded }) => {
    await waitReady(sessionOf({ loaded }).transport);
    const button = within(canvasElement).getByRole("button", { name: "摄像头" });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAccessibleDescription(/No camera was found/));
  },
};
