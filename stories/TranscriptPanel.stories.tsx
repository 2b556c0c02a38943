import functionCallAndErrors from "@fixtures/function-call-and-errors.json";
import wordTimestampsInterrupted from "@fixtures/word-timestamps-interrupted.json";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { TranscriptPanel } from "rtvi-react-kit";
import { parseScript } from "rtvi-react-kit/testing";
import { expectTranscript, rows } from "./support/expectTurns";
import { conversation, longHistory, ScriptBuilder } from "./support/scripts";
import { sessionOf } from "./support/session";

/**
 * The conversation as a `role="log"`: user and bot turns, the bot's unspoken tail styled
 * apart (karaoke), interruptions, tool calls and errors. Screen readers hear finished turns
 * once; the panel follows new turns while the reader is at the bottom, keeps their place
 * when they scroll up, and offers "Jump to latest".
 */
const meta = {
  title: "Components/TranscriptPanel",
  component: TranscriptPanel,
  args: { mode: "karaoke" },
  argTypes: { mode: { control: "inline-radio", options: ["karaoke", "spoken", "full"] } },
  parameters: { session: { autoConnect: true } },
  decorators: [(Story) => <div style={{ maxWidth: 560 }}><Story /></div>],
} satisfies Meta<typeof TranscriptPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const midSentence = conversation(1, new ScriptBuilder(), { wordMs: 40 })
  .user("Could people breathe the air?")
  .bot("No. The air is thin and almost all carbon dioxide, so you would need a pressure suit.", { holdAfter: 6 })
  .build("mid-sentence");

/** Karaoke (default): the bot's generated-but-unspoken words follow the spoken ones, styled apart. */
export const Karaoke: Story = {
  parameters: { session: { script: midSentence, options: { speed: 4 } } },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => {
        expect(canvasElement.querySelector('li[data-live] [data-slot="text"]')).toHaveTextContent(/^No\. The air is thin and$/);
        expect(canvasElement.querySelector('li[data-live] [data-slot="pending"]')).toHaveTextContent("dioxide, so you would need");
      },
      { timeout: 10_000 },
    );
  },
};

/** Spoken: only what the bot has said so far. */
export const Spoken: Story = {
  ...Karaoke,
  args: { mode: "spoken" },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('li[data-live][data-role="assistant"] [data-slot="text"]')).toHaveTextContent("No. The air is thin and"), { timeout: 10_000 });
    await expect(canvasElement.querySelector('[data-slot="pending"]')).toBeNull();
  },
};

/** Full, on the interrupted fixture: what the bot generated but never said is struck through. */
export const FullWithInterruption: Story = {
  args: { mode: "full" },
  parameters: { session: { script: parseScript(wordTimestampsInterrupted), options: { speed: 4 } } },
  play: async ({ canvasElement }) => {
    await expectTranscript(canvasElement, [
      { role: "user", text: "Tell me a story." },
      { role: "assistant", text: "Once upon a time, there was a fox. The fox lived", interrupted: true },
      { role: "user", text: "Wait, make it about a cat." },
    ]);
    await expect(canvasElement.querySelector('[data-slot="unspoken"]')).toHaveTextContent("(not spoken) in a quiet forest.");
  },
};

/** Tool calls fold into `<details>`; errors are system lines. */
export const FunctionCallsAndErrors: Story = {
  parameters: { session: { script: parseScript(functionCallAndErrors), options: { speed: 8 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const summary = await canvas.findByText("get_weather", {}, { timeout: 10_000 });
    await userEvent.click(summary);
    await expect(await canvas.findByText('{"city":"Paris"}')).toBeVisible();
    await waitFor(() => expect(canvas.getByText("LLM service unavailable")).toBeInTheDocument(), { timeout: 10_000 });
  },
};

/** Scroll up: the panel stops following and offers "Jump to latest"; clicking it pins again. */
export const PinAndUnpin: Story = {
  parameters: { session: { script: longHistory(40), options: { speed: Infinity } } },
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    const canvas = within(canvasElement);
    const log = canvas.getByRole("log", { name: "Conversation" });
    const root = canvasElement.querySelector("[data-rtvi-transcript]");
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(40), { timeout: 10_000 });
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(2));
    await expect(root).toHaveAttribute("data-pinned");
    await expect(canvas.queryByRole("button", { name: "Jump to latest" })).toBeNull();

    // The reader scrolls up.
    log.scrollTop = 0;
    const jump = await canvas.findByRole("button", { name: "Jump to latest" });
    await expect(root).not.toHaveAttribute("data-pinned");
    // A new turn arrives: the reader's place is kept.
    transport.inject({ label: "rtvi-ai", type: "user-transcription", data: { text: "One more question", final: true } });
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(41));
    await expect(log.scrollTop).toBe(0);

    await userEvent.click(jump);
    await waitFor(() => expect(root).toHaveAttribute("data-pinned"));
    await expect(canvas.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    await expect(log).toHaveFocus();
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(2));
    // Pinned again: the next turn scrolls into view by itself.
    transport.inject({ label: "rtvi-ai", type: "user-transcription", data: { text: "And another", final: true } });
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(42));
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(2));
  },
};

/** Windowing: only the latest `windowSize` turns render; earlier ones wait behind "Show earlier". */
export const Windowed: Story = {
  args: { windowSize: 20 },
  parameters: { session: { script: longHistory(50), options: { speed: Infinity } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText(/^Answer 50:/)).toBeInTheDocument(), { timeout: 10_000 });
    await expect(rows(canvasElement)).toHaveLength(20);
    await userEvent.click(canvas.getByRole("button", { name: "Show earlier (30 more)" }));
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(40));
  },
};

/** Nothing said yet: the placeholder. */
export const Empty: Story = {
  args: { placeholder: "Connect and say hello." },
  parameters: { session: { autoConnect: false } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Connect and say hello.")).toBeVisible();
    await expect(canvasElement.querySelector("[data-rtvi-transcript]")).toHaveAttribute("data-empty");
  },
};
