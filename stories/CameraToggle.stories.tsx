import type { Meta, StoryObj } from "@storybook/react-vite";
import { CameraToggle, VideoTile } from "rtvi-react-kit";
import { playToggleEndsTrack, playToggleSaysWhy } from "./support/mediaToggle";

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
  play: (context) => playToggleEndsTrack(context, "Camera", "video"),
};

/** No camera on this machine: the reason beside the button. */
export const NoCamera: Story = {
  parameters: { session: { autoConnect: true, options: { video: { camera: "no-device" } } } },
  args: { labels: { label: "摄像头" } },
  play: (context) => playToggleSaysWhy(context, "摄像头", /No camera was found/),
};
