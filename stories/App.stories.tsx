import functionCallAndErrors from "@fixtures/function-call-and-errors.json";
import geminiLiveMandarin from "@fixtures/gemini-live-mandarin.json";
import geminiLiveTurn from "@fixtures/gemini-live-turn.json";
import legacyLlmTts from "@fixtures/legacy-llm-tts.json";
import malformed from "@fixtures/malformed.json";
import wordTimestampsInterrupted from "@fixtures/word-timestamps-interrupted.json";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { parseScript } from "rtvi-react-kit/testing";
import { expectedTurns, expectTranscript, rows } from "./support/expectTurns";
import { conversation, echoReply, longHistory, ScriptBuilder } from "./support/scripts";
import { sessionOf, type SessionArgs, type SessionParameter } from "./support/session";
import { VoiceAppDemo, type VoiceAppDemoProps } from "./support/VoiceAppDemo";

type DemoArgs = VoiceAppDemoProps & SessionArgs;

/**
 * A small voice app composed from the kit's components, replaying scripted sessions on
 * `ScriptedTransport`: the shared RTVI fixtures, plus longer sessions written in code.
 * Use the controls for speed, pause and the visualizer variant, the toolbar for the theme,
 * and the demo's own "Script" toolbar to pause, step and resume the session.
 */
const meta = {
  title: "App/Voice app",
  component: VoiceAppDemo,
  render: ({ speed: _speed, paused: _paused, ...props }) => <VoiceAppDemo {...props} />,
  args: { speed: 2, paused: false, variant: "bars", transcriptMode: "karaoke", pushToTalk: false, scriptControls: true },
  argTypes: {
    speed: { control: { type: "range", min: 0.25, max: 10, step: 0.25 }, description: "ScriptedTransport speed (1 = real time)", table: { category: "Session" } },
    paused: { control: "boolean", description: "Hold the script; step it with the demo's toolbar", table: { category: "Session" } },
    variant: { control: "inline-radio", options: ["bars", "circle", "wave"] },
    transcriptMode: { control: "inline-radio", options: ["karaoke", "spoken", "full"] },
  },
  parameters: { layout: "fullscreen" },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

function session(p: SessionParameter): { session: SessionParameter } {
  return { session: { autoConnect: true, ...p } };
}

/** A replay of one shared fixture whose play function checks the transcript against its `expect`. */
function fixtureStory(fixture: unknown, extra: Partial<Story> = {}): Story {
  return {
    parameters: session({ script: parseScript(fixture) }),
    play: async ({ canvasElement, loaded }) => {
      await expectTranscript(canvasElement, expectedTurns(fixture));
      await sessionOf({ loaded }).transport.played;
      expect(sessionOf({ loaded }).transport.deliveryErrors).toEqual([]);
    },
    ...extra,
  };
}

/** gemini-live-turn.json: the same bot words as LLM text, TTS text, bot-output and bot-transcription, shown once. */
export const GeminiLiveTurn: Story = fixtureStory(geminiLiveTurn);

/** gemini-live-mandarin.json: Gemini Live in Mandarin: interim then final Chinese transcripts, no spaces between Han characters. */
export const GeminiLiveMandarin: Story = fixtureStory(geminiLiveMandarin);

/** word-timestamps-interrupted.json: interim user transcripts, word-timed bot-output, a barge-in. Mode `full` shows what was never said. */
export const WordTimestampsInterrupted: Story = fixtureStory(wordTimestampsInterrupted, { args: { transcriptMode: "full" } });

/** legacy-llm-tts.json: an RTVI 1.0 bot (LLM tokens and TTS sentences, no bot-output). */
export const LegacyLlmTts: Story = fixtureStory(legacyLlmTts);

/** function-call-and-errors.json: a tool call, a server message, a non-fatal error, then a fatal one that ends the session. */
export const FunctionCallAndErrors: Story = fixtureStory(functionCallAndErrors, {
  play: async ({ canvasElement }) => {
    await expectTranscript(canvasElement, expectedTurns(functionCallAndErrors));
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("LLM service unavailable");
    await expect(await canvas.findByRole("button", { name: "Retry" })).toBeVisible();
  },
});

/** malformed.json: malformed, unknown and hostile messages. Nothing throws and no HTML gets in. */
export const Malformed: Story = fixtureStory(malformed, {
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await transport.played;
    const log = within(canvasElement).getByRole("log", { name: "Conversation" });
    await waitFor(() => expect(log).toHaveTextContent("RTL override"));
    await expect(log).toHaveTextContent("<img src=x onerror=alert(1)>");
    await expect(log.querySelector("img")).toBeNull();
    await expect(transport.deliveryErrors).toEqual([]);
  },
});

const screenshotScript = conversation(2, new ScriptBuilder(), { wordMs: 60 })
  .user("Could people breathe the air on Mars?")
  .bot("Not without help. The air is thin and almost all carbon dioxide, so you would need a pressure suit and your own oxygen.", { holdAfter: 11 })
  .build("mid-conversation");

/**
 * Mid-conversation: two exchanges, a third question, and the bot half-way through its answer
 * (spoken words plus the karaoke tail, captions, bot levels). The README's picture.
 */
export const MidConversation: Story = {
  args: { speed: 1 },
  parameters: session({ script: screenshotScript }),
  play: async ({ canvasElement, loaded }) => {
    await sessionOf({ loaded }).transport.played;
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("img", { name: "Bot is speaking" })).toBeInTheDocument());
    await expect(canvasElement.querySelector('[data-rtvi-captions] [data-slot="text"]')).toHaveTextContent("Not without help.");
    await expect(canvasElement.querySelector('li[data-live] [data-slot="pending"]')).toHaveTextContent("so you would need a pressure suit");
  },
};

/** The same, in the dark theme (axe checks its contrast too). */
export const MidConversationDark: Story = { ...MidConversation, globals: { theme: "dark" }, args: { speed: 1, variant: "circle" } };

/** 500 turns delivered at once: the panel renders the latest 200 and offers the rest behind "Show earlier". */
export const History500Turns: Story = {
  args: { speed: 1000 },
  parameters: session({ script: longHistory(500), options: { speed: Infinity } }),
  play: async ({ canvasElement, loaded }) => {
    await sessionOf({ loaded }).transport.played;
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText(/^Answer 500:/)).toBeInTheDocument(), { timeout: 15_000 });
    await expect(rows(canvasElement)).toHaveLength(200);
    await userEvent.click(canvas.getByRole("button", { name: "Show earlier (300 more)" }));
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(400));
  },
};

/** The bot's server is down: connecting fails, the error shows beside a Retry button. */
export const FailsToConnect: Story = {
  parameters: session({ options: { failConnect: "Could not reach the bot server (503).", connectDelayMs: 400 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Could not reach the bot server (503).");
    await expect(canvas.getByRole("button", { name: "Retry" })).toHaveAttribute("data-state", "retry");
    await expect(canvas.getByRole("textbox", { name: "Message" })).toBeDisabled();
  },
};

/** A fatal error after one exchange: the session ends, the transcript keeps what was said. */
export const FatalErrorMidSession: Story = {
  parameters: session({ script: conversation(1).error("The LLM service stopped responding.", true).build("fatal") }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert", {}, { timeout: 15_000 })).toHaveTextContent("The LLM service stopped responding.");
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
    await expectTranscript(canvasElement, [{ role: "user", text: "What's the weather like on Mars?" }, { role: "system" }]);
  },
};

/** The user denied the microphone: the mic control says so; typing still works. */
export const MicrophoneDenied: Story = {
  parameters: session({ options: { microphone: "denied", onSendText: echoReply } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("status")).toHaveTextContent(/microphone access is blocked/i);
    await waitFor(() => expect(canvas.getByRole("button", { name: "Disconnect" })).toBeInTheDocument());
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Can you hear me?{Enter}");
    await expectTranscript(canvasElement, [
      { role: "user", text: "Can you hear me?" },
      { role: "assistant", text: "You said: Can you hear me?", final: true },
    ]);
  },
};

/** The user barges in: the bot's turn ends interrupted, keeping only what it said. */
export const InterruptedBot: Story = {
  args: { transcriptMode: "full" },
  parameters: session({
    script: new ScriptBuilder()
      .user("Tell me about Olympus Mons.")
      .bot("Olympus Mons is the tallest volcano in the solar system, almost three times the height of Everest.", { interruptAfter: 6, bargeIn: "How tall exactly?" })
      .bot("About twenty two kilometres.")
      .build("interrupted"),
  }),
  play: async ({ canvasElement }) => {
    await expectTranscript(canvasElement, [
      { role: "user", text: "Tell me about Olympus Mons." },
      { role: "assistant", text: "Olympus Mons is the tallest volcano", interrupted: true },
      { role: "user", text: "How tall exactly?" },
      { role: "assistant", text: "About twenty two kilometres.", final: true },
    ]);
    await expect(canvasElement.querySelector('li[data-interrupted] [data-slot="unspoken"]')).toHaveTextContent("in the solar system");
  },
};

/** Paused after the handshake: the demo's Step button delivers one event at a time. */
export const Stepping: Story = {
  args: { paused: true },
  parameters: session({ script: conversation(1).build("stepping") }),
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("button", { name: "Disconnect" })).toBeInTheDocument());
    const step = canvas.getByRole("button", { name: "Step" });
    await waitFor(() => expect(step).toBeEnabled());
    const before = transport.remaining;
    await userEvent.click(step);
    await waitFor(() => expect(transport.remaining).toBeLessThan(before));
    // Step until the user's first interim words show.
    while (rows(canvasElement).length === 0 && transport.remaining > 0) await userEvent.click(step);
    await expect(rows(canvasElement)[0]).toHaveAttribute("data-role", "user");
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expectTranscript(canvasElement, [{ role: "assistant", final: true }]);
  },
};
