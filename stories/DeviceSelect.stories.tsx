import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { DeviceSelect } from "rtvi-react-kit";
import { sessionOf } from "./support/session";

/**
 * A labelled native `<select>` of microphones or speakers: shows the device in use, follows
 * devices coming and going, and switches. The scripted transport has two microphones and one speaker.
 */
const meta = {
  title: "Components/DeviceSelect",
  component: DeviceSelect,
  args: { kind: "mic", onDeviceChange: fn() },
  argTypes: { kind: { control: "inline-radio", options: ["mic", "speaker"] } },
  parameters: { session: { autoConnect: true } },
} satisfies Meta<typeof DeviceSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Switching microphones: the select shows the device in use and the transport switches. */
export const Microphone: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const { transport } = sessionOf({ loaded });
    const select = within(canvasElement).getByRole("combobox", { name: "Microphone" });
    await waitFor(() => expect(select).toHaveValue("scripted-mic"));
    await expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Scripted microphone", "Second microphone"]);
    await userEvent.selectOptions(select, "Second microphone");
    await waitFor(() => expect(select).toHaveValue("scripted-mic-2"));
    await expect(transport.selectedMic).toMatchObject({ deviceId: "scripted-mic-2" });
    await expect(args.onDeviceChange).toHaveBeenCalledWith("scripted-mic-2");
    await userEvent.selectOptions(select, "Scripted microphone");
    await waitFor(() => expect(transport.selectedMic).toMatchObject({ deviceId: "scripted-mic" }));
  },
};

/** Speakers, with a custom label: starts on the transport's speaker and switches to another. */
export const Speaker: Story = {
  args: { kind: "speaker", label: "Play the bot on" },
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    const select = within(canvasElement).getByRole("combobox", { name: "Play the bot on" });
    await waitFor(() => expect(select).toBeEnabled());
    await waitFor(() => expect(select).toHaveDisplayValue("Scripted speaker"));
    await userEvent.selectOptions(select, "Second speaker");
    await waitFor(() => expect(select).toHaveValue("scripted-speaker-2"));
    await expect(transport.selectedSpeaker).toMatchObject({ deviceId: "scripted-speaker-2" });
  },
};

/** No microphone: the select says so and is disabled. */
export const NoMicrophone: Story = {
  parameters: { session: { options: { microphone: "no-device" } } },
  play: async ({ canvasElement, loaded }) => {
    await waitFor(() => expect(sessionOf({ loaded }).transport.state).toBe("ready"));
    const select = within(canvasElement).getByRole("combobox", { name: "Microphone" });
    await expect(select).toBeDisabled();
    await expect(select).toHaveDisplayValue("No microphone found");
  },
};
