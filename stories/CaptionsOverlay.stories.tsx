import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { CaptionsOverlay } from "rtvi-react-kit";
import { stepUntil, waitReady } from "./support/play";
import { ScriptBuilder } from "./support/scripts";
import { sessionOf } from "./support/session";

/**
 * The line being said right now and by whom, for video-call style captions; empty between
 * turns. It is `aria-live="off"`: screen readers hear turns from the transcript, once.
 * These stories start paused and step the script event by event.
 */
const meta = {
  title: "Components/CaptionsOverlay",
  component: CaptionsOverlay,
  args: { showPending: false, maxChars: 140 },
  parameters: {
    session: {
      autoConnect: true,
      options: { paused: true },
      script: new ScriptBuilder()
        .user("How far away is Mars?")
        .bot("It depends on where both planets are, between fifty five and four hundred million kilometres.")
        .build("captions"),
    },
  },
  decorators: [(Story) => <div style={{ display: "flex", justifyContent: "center", padding: 24 }}><Story /></div>],
} satisfies Meta<typeof CaptionsOverlay>;

export default meta;
type Story = StoryObj<typeof meta>;

function captions(root: HTMLElement): HTMLElement {
  const el = root.querySelector<HTMLElement>("[data-rtvi-captions]");
  if (!el) throw new Error("No captions element.");
  return el;
}

/** The user's interim words, then the bot's spoken words, then nothing. */
export const Live: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const el = captions(canvasElement);
    await expect(el).toHaveAttribute("data-empty");
    await stepUntil(transport, () => expect(el).toHaveTextContent("You How far away"));
    await expect(el).toHaveAttribute("data-role", "user");
    await stepUntil(transport, () => expect(el).toHaveTextContent("Bot It depends on where"));
    await expect(el).toHaveAttribute("data-role", "assistant");
    // Generated-but-unspoken words stay out of the captions by default.
    await expect(el.querySelector('[data-slot="pending"]')).toBeNull();
    await stepUntil(transport, () => expect(el).toHaveAttribute("data-empty"));
  },
};

/** `showPending`: the bot's upcoming words show too, dimmed. */
export const WithPending: Story = {
  args: { showPending: true },
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const el = captions(canvasElement);
    await stepUntil(transport, () => {
      expect(el.querySelector('[data-slot="text"]')).toHaveTextContent("It depends");
      expect(el.querySelector('[data-slot="pending"]')).toHaveTextContent("million kilometres.");
    });
  },
};

/** `maxChars`: a long line keeps only its tail. */
export const ShortLines: Story = {
  args: { maxChars: 30, showPending: true },
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const el = captions(canvasElement);
    // The bot's line is longer than 30 characters: only its tail shows, after an ellipsis.
    await stepUntil(transport, () => expect(el.querySelector('[data-slot="pending"]')).toHaveTextContent(/^…\S+.* kilometres\.$/));
    await expect(el).toHaveAttribute("data-role", "assistant");
    await expect(el.querySelector('[data-slot="pending"]')?.textContent?.length).toBeLessThanOrEqual(31);
  },
};
