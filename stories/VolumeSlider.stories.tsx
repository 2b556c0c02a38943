import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { VolumeSlider } from "rtvi-react-kit";

/**
 * The bot's playback volume (0..1) on a Radix slider: arrow keys, Page keys, Home/End and
 * pointer drag; the thumb reads "Volume 40%". A `<BotAudio>` under the same provider applies it.
 */
const meta = {
  title: "Components/VolumeSlider",
  component: VolumeSlider,
  args: { onVolumeChange: fn() },
  parameters: { session: {} },
  decorators: [(Story) => <div style={{ padding: 16 }}><Story /></div>],
} satisfies Meta<typeof VolumeSlider>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Keyboard: ← by one step (5%), Page Down by ten, Home to 0 (muted), End to 100%. */
export const Keyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const thumb = within(canvasElement).getByRole("slider", { name: "Volume" });
    await expect(thumb).toHaveAttribute("aria-valuenow", "100");
    await userEvent.tab();
    await expect(thumb).toHaveFocus();
    await userEvent.keyboard("{ArrowLeft}");
    await expect(thumb).toHaveAttribute("aria-valuenow", "95");
    await expect(thumb).toHaveAttribute("aria-valuetext", "Volume 95%");
    await expect(args.onVolumeChange).toHaveBeenLastCalledWith(0.95);
    await userEvent.keyboard("{PageDown}");
    await expect(thumb).toHaveAttribute("aria-valuenow", "45");
    await userEvent.keyboard("{Home}");
    await expect(thumb).toHaveAttribute("aria-valuetext", "Volume 0%");
    await expect(canvasElement.querySelector("[data-rtvi-volume-slider]")).toHaveAttribute("data-muted");
    await userEvent.keyboard("{ArrowRight}{ArrowRight}");
    await expect(args.onVolumeChange).toHaveBeenLastCalledWith(0.1);
    await userEvent.keyboard("{End}");
    await expect(thumb).toHaveAttribute("aria-valuenow", "100");
  },
};

/** A coarser step and a custom name. */
export const CustomStep: Story = {
  args: { label: "Bot volume", step: 0.25 },
  play: async ({ canvasElement }) => {
    const thumb = within(canvasElement).getByRole("slider", { name: "Bot volume" });
    thumb.focus();
    await userEvent.keyboard("{ArrowDown}");
    await expect(thumb).toHaveAttribute("aria-valuetext", "Bot volume 75%");
  },
};

/** Vertical orientation: ↑ and ↓ move it. */
export const Vertical: Story = {
  args: { orientation: "vertical" },
  play: async ({ canvasElement }) => {
    const thumb = within(canvasElement).getByRole("slider", { name: "Volume" });
    await expect(thumb).toHaveAttribute("aria-orientation", "vertical");
    thumb.focus();
    await userEvent.keyboard("{ArrowDown}");
    await expect(thumb).toHaveAttribute("aria-valuenow", "95");
  },
};

/** Disabled: keys do nothing. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement, args }) => {
    const thumb = within(canvasElement).getByRole("slider", { name: "Volume" });
    await expect(thumb).toHaveAttribute("data-disabled");
    await userEvent.keyboard("{Home}");
    await expect(thumb).toHaveAttribute("aria-valuenow", "100");
    await expect(args.onVolumeChange).not.toHaveBeenCalled();
  },
};
