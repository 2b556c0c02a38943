import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { VoiceVisualizer } from "rtvi-react-kit";
import { conversation, ScriptBuilder } from "./support/scripts";

/**
 * Audio levels on a canvas, for the bot or the user's mic, in one `requestAnimationFrame`
 * loop that never renders React. `role="img"` with a label that tells the agent's state.
 * Give `levels` to drive it by hand; otherwise it follows the session's level bus.
 */
const meta = {
  title: "Components/VoiceVisualizer",
  component: VoiceVisualizer,
  args: { participant: "bot", variant: "bars", barCount: 5, levels: 0.6 },
  argTypes: {
    variant: { control: "inline-radio", options: ["bars", "circle", "wave"] },
    participant: { control: "inline-radio", options: ["bot", "local"] },
    levels: { control: { type: "range", min: 0, max: 1, step: 0.05 } },
    color: { control: "color" },
    idleColor: { control: "color" },
  },
  parameters: { session: {} },
  decorators: [(Story) => <div style={{ padding: 16, display: "flex", gap: 24, alignItems: "center" }}><Story /></div>],
} satisfies Meta<typeof VoiceVisualizer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Whether the canvas has any painted pixel. */
function painted(root: HTMLElement): boolean {
  const canvas = root.querySelector("canvas");
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx || canvas.width === 0 || canvas.height === 0) return false;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) return true;
  return false;
}

function variantStory(variant: "bars" | "circle" | "wave"): Story {
  return {
    args: { variant, color: "#4f46e5", barCount: variant === "bars" ? 5 : 24 },
    play: async ({ canvasElement }) => {
      const img = within(canvasElement).getByRole("img", { name: "Not connected" });
      await expect(img).toHaveAttribute("data-variant", variant);
      await waitFor(() => expect(painted(canvasElement)).toBe(true));
      // Backing store at device pixels.
      const canvas = canvasElement.querySelector("canvas");
      await expect(canvas?.width).toBe(Math.round((canvas?.clientWidth ?? 0) * devicePixelRatio));
    },
  };
}

/** Bars, driven by the `levels` control. */
export const Bars: Story = variantStory("bars");
/** A ring of bars. */
export const Circle: Story = variantStory("circle");
/** A wave line. */
export const Wave: Story = variantStory("wave");

/** Following a scripted session's bot levels: the label tells listening / thinking / speaking. */
export const FollowsTheBot: Story = {
  args: { levels: undefined, barCount: 7, style: { width: 200, height: 80 } },
  parameters: { session: { autoConnect: true, script: conversation(1).build("one-exchange"), options: { speed: 1 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("img", { name: "Listening" })).toBeInTheDocument(), { timeout: 5_000 });
    await waitFor(() => expect(canvas.getByRole("img", { name: "Bot is speaking" })).toBeInTheDocument(), { timeout: 10_000 });
    await expect(canvas.getByRole("img")).toHaveAttribute("data-state", "speaking");
    await waitFor(() => expect(canvas.getByRole("img", { name: "Listening" })).toBeInTheDocument(), { timeout: 15_000 });
  },
};

/** The user's microphone, with a custom label. */
export const Microphone: Story = {
  args: { participant: "local", levels: undefined, label: "Your microphone", color: "#047857" },
  parameters: { session: { autoConnect: true, script: new ScriptBuilder().user("Testing, one, two, three.").build("mic"), options: { speed: 1 } } },
  play: async ({ canvasElement }) => {
    const img = within(canvasElement).getByRole("img", { name: "Your microphone" });
    await expect(img).toHaveAttribute("data-participant", "local");
    await waitFor(() => expect(painted(canvasElement)).toBe(true), { timeout: 5_000 });
  },
};
