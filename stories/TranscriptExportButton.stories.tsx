import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, spyOn, userEvent, waitFor, within } from "storybook/test";
import { TranscriptExportButton } from "rtvi-react-kit";
import { conversation } from "./support/scripts";
import { sessionOf } from "./support/session";

/**
 * Downloads the conversation as Markdown, JSON or WebVTT (a Blob and an object URL, revoked
 * right after). The stories catch the download and check the file instead of saving it.
 */
const meta = {
  title: "Components/TranscriptExportButton",
  component: TranscriptExportButton,
  args: { format: "markdown" },
  argTypes: { format: { control: "inline-radio", options: ["markdown", "json", "webvtt"] } },
  parameters: { session: { autoConnect: true, script: conversation(1).build("one-exchange"), options: { speed: Infinity } } },
} satisfies Meta<typeof TranscriptExportButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Clicks the button and returns the file it would have saved. */
async function download(canvasElement: HTMLElement, loaded: Record<string, unknown>): Promise<{ name: string; type: string; text: string }> {
  const button = within(canvasElement).getByRole("button", { name: "Download transcript" });
  // The whole conversation first (the button is off while it is empty).
  await sessionOf({ loaded }).transport.played;
  await waitFor(() => expect(button).not.toHaveAttribute("data-disabled"), { timeout: 10_000 });
  const blobs: Blob[] = [];
  const names: string[] = [];
  const create = spyOn(URL, "createObjectURL").mockImplementation((obj: Blob | MediaSource) => {
    if (obj instanceof Blob) blobs.push(obj);
    return "blob:story";
  });
  const click = spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const revoke = spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  try {
    await userEvent.click(button);
    await waitFor(() => expect(revoke).toHaveBeenCalledWith("blob:story"));
  } finally {
    create.mockRestore();
    click.mockRestore();
    revoke.mockRestore();
  }
  const blob = blobs[0];
  if (!blob) throw new Error("No file was made.");
  return { name: names[0] ?? "", type: blob.type, text: await blob.text() };
}

/** Markdown, the default. */
export const Markdown: Story = {
  play: async ({ canvasElement, loaded }) => {
    const file = await download(canvasElement, loaded);
    await expect(file.name).toBe("transcript.md");
    await expect(file.type).toMatch(/^text\/markdown/);
    await expect(file.text).toContain("What's the weather like on Mars?");
    await expect(file.text).toContain("Cold and dusty");
  },
};

/** JSON: the turns as the kit models them. */
export const Json: Story = {
  args: { format: "json", filename: "mars.json" },
  play: async ({ canvasElement, loaded }) => {
    const file = await download(canvasElement, loaded);
    await expect(file.name).toBe("mars.json");
    const parsed: unknown = JSON.parse(file.text);
    await expect(JSON.stringify(parsed)).toContain("Cold and dusty");
  },
};

/** WebVTT captions. */
export const WebVTT: Story = {
  args: { format: "webvtt" },
  play: async ({ canvasElement, loaded }) => {
    const file = await download(canvasElement, loaded);
    await expect(file.name).toBe("transcript.vtt");
    await expect(file.text).toMatch(/^WEBVTT/);
  },
};

/** Nothing to export yet. */
export const Empty: Story = {
  parameters: { session: { autoConnect: false } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Download transcript" })).toHaveAttribute("data-disabled");
  },
};
