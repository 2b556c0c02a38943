import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { VoiceVisualizer } from "rtvi-react-kit";
import { conversation, ScriptBuilder } from "./support/scripts";
import { toneTrack } from "./support/play";

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
    variant: { control: "inline-radio", options: ["bars", "circle", "wave", "orb"] },
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
  args: { participant: "user", levels: undefined, label: "Your microphone", color: "#047857" },
  parameters: { session: { autoConnect: true, script: new ScriptBuilder().user("Testing, one, two, three.").build("mic"), options: { speed: 1 } } },
  play: async ({ canvasElement }) => {
    const img = within(canvasElement).getByRole("img", { name: "Your microphone" });
    await expect(img).toHaveAttribute("data-participant", "user");
    await waitFor(() => expect(painted(canvasElement)).toBe(true), { timeout: 5_000 });
  },
};

// --- frequency bands and the orb (issue 18) ---

/** A voice-like spectrum that drifts over time: most energy low, a formant bump, little at the top. */
function spectrum(count: number): () => number[] {
  return () => {
    const t = performance.now() / 1000;
    return Array.from({ length: count }, (_, i) => {
      const x = i / Math.max(1, count - 1);
      const formant = Math.exp(-((x - 0.3 - 0.05 * Math.sin(t * 2)) ** 2) / 0.02);
      return Math.min(1, 0.85 * (1 - x) * (0.7 + 0.3 * Math.sin(t * 3 + i)) + 0.4 * formant);
    });
  };
}

/** Whether the painted pixels of the left third of the canvas outnumber those of the right third. */
function heavierLeft(root: HTMLElement): boolean {
  const canvas = root.querySelector("canvas");
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx || canvas.width < 3) return false;
  const third = Math.floor(canvas.width / 3);
  const count = (x: number) => {
    const { data } = ctx.getImageData(x, 0, third, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) n++;
    return n;
  };
  return count(0) > count(canvas.width - third);
}

/** One bar per frequency band (here given by `bandLevels`): low bands tall, high ones short. */
export const Bands: Story = {
  args: { levels: undefined, bandLevels: spectrum(16), barCount: 16, gap: 2, color: "#4f46e5", style: { width: 240, height: 64 } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(painted(canvasElement)).toBe(true));
    await waitFor(() => expect(heavierLeft(canvasElement)).toBe(true));
  },
};

/** The radial orb: the bands as a closed outline around a core. */
export const Orb: Story = {
  args: { variant: "orb", levels: undefined, bandLevels: spectrum(32), barCount: 32, color: "#0e7490", style: { width: 120, height: 120 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img")).toHaveAttribute("data-variant", "orb");
    await waitFor(() => expect(painted(canvasElement)).toBe(true));
  },
};

/**
 * `bands="mel"` on the bot's real track (a 220 Hz tone here): an analyser gives the
 * bands. Without an analysable track, transport levels drive the bars as before.
 */
export const BandsFromTrack: Story = {
  args: { levels: undefined, bands: "mel", variant: "orb", barCount: 24, color: "#7c3aed", style: { width: 120, height: 120 } },
  parameters: { session: { autoConnect: true, tracks: () => ({ bot: toneTrack() }) } },
  play: async ({ canvasElement }) => {
    const img = within(canvasElement).getByRole("img");
    await expect(img).toHaveAttribute("data-bands", "mel");
    await waitFor(() => expect(painted(canvasElement)).toBe(true), { timeout: 5_000 });
  },
};
