import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { TextInput, TranscriptPanel } from "rtvi-react-kit";
import { expectTranscript } from "./support/expectTurns";
import { echoReply } from "./support/scripts";
import { sessionOf } from "./support/session";

/**
 * Typed messages to the bot: Enter sends, Shift+Enter adds a line; enabled only while
 * connected; the message joins the transcript at once. Here the scripted bot answers every
 * message ("You said: …") through `ScriptedTransport`'s `onSendText`.
 */
const meta = {
  title: "Components/TextInput",
  component: TextInput,
  args: { placeholder: "Type a message…", onSend: fn() },
  parameters: { session: { autoConnect: true, options: { onSendText: echoReply } } },
  decorators: [
    (Story) => (
      <div className="sb-stack">
        <TranscriptPanel style={{ height: 220 }} placeholder="Messages show here." />
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof TextInput>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type and press Enter: the user turn appears, the field clears, the bot answers. */
export const SendWithEnter: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const { transport } = sessionOf({ loaded });
    const canvas = within(canvasElement);
    const field = canvas.getByRole("textbox", { name: "Message" });
    await waitFor(() => expect(field).toBeEnabled(), { timeout: 5_000 });
    await userEvent.type(field, "Hello there{Enter}");
    await expectTranscript(canvasElement, [{ role: "user", text: "Hello there" }]);
    await waitFor(() => expect(field).toHaveValue(""));
    await expect(args.onSend).toHaveBeenCalledWith("Hello there");
    await expect(transport.sent.some((m) => m.type === "send-text")).toBe(true);
    await expectTranscript(canvasElement, [
      { role: "user", text: "Hello there" },
      { role: "assistant", text: "You said: Hello there", final: true },
    ]);
  },
};

/** Shift+Enter adds a line; the Send button sends. */
export const MultilineAndButton: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole("textbox", { name: "Message" });
    const send = canvas.getByRole("button", { name: "Send" });
    await waitFor(() => expect(field).toBeEnabled(), { timeout: 5_000 });
    await expect(send).toBeDisabled();
    await userEvent.type(field, "first line{Shift>}{Enter}{/Shift}second line");
    await expect(field).toHaveValue("first line\nsecond line");
    await userEvent.click(send);
    await expectTranscript(canvasElement, [{ role: "user", text: "first line\nsecond line" }]);
  },
};

/** Not connected: the field and the button are disabled. */
export const Disconnected: Story = {
  parameters: { session: { autoConnect: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("textbox", { name: "Message" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Send" })).toBeDisabled();
  },
};
