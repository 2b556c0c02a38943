import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, spyOn, userEvent, waitFor, within } from "storybook/test";
import { AudioUnlockButton, BotAudio, VolumeSlider } from "rtvi-react-kit";
import { toneTrack } from "./support/play";
import { sessionOf } from "./support/session";

/**
 * Plays the bot's audio track through a hidden `<audio>` element, with the chosen speaker and
 * the `<VolumeSlider>` volume. When the browser's autoplay policy blocks playback it shows an
 * `<AudioUnlockButton>` ("Enable audio") instead of staying silent. The bot's track here is a
 * quiet tone made with Web Audio.
 */
const meta = {
  title: "Components/BotAudio",
  component: BotAudio,
  subcomponents: { AudioUnlockButton },
  args: { onBlockedChange: fn() },
  parameters: { session: { autoConnect: true, tracks: () => ({ bot: toneTrack() }) } },
} satisfies Meta<typeof BotAudio>;

export default meta;
type Story = StoryObj<typeof meta>;

function audioOf(root: HTMLElement): HTMLAudioElement {
  const el = root.querySelector<HTMLAudioElement>("audio[data-rtvi-bot-audio]");
  if (!el) throw new Error("No bot <audio> element.");
  return el;
}

/** The bot's track plays in the `<audio>` element, at the slider's volume. */
export const WithVolume: Story = {
  render: (args) => (
    <div className="sb-row">
      <BotAudio {...args} />
      <VolumeSlider label="Bot volume" />
    </div>
  ),
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    const audio = audioOf(canvasElement);
    const bot = transport.tracks().bot?.audio;
    await waitFor(() => expect(audio.srcObject).toBeInstanceOf(MediaStream), { timeout: 5_000 });
    await expect((audio.srcObject as MediaStream).getAudioTracks()[0]).toBe(bot);
    const thumb = within(canvasElement).getByRole("slider", { name: "Bot volume" });
    thumb.focus();
    await userEvent.keyboard("{PageDown}");
    await waitFor(() => expect(audio.volume).toBeCloseTo(0.5));
    await userEvent.keyboard("{Home}");
    await waitFor(() => expect(audio.volume).toBe(0));
  },
};

/**
 * Autoplay blocked (simulated: `play()` rejects with NotAllowedError until the user acts):
 * "Enable audio" appears, and its click starts playback.
 */
export const AutoplayBlocked: Story = {
  args: { unlockLabel: "Enable bot audio" },
  beforeEach: () => {
    const original = HTMLMediaElement.prototype.play;
    let allowed = false;
    const play = spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (this: HTMLMediaElement) {
      return allowed ? Promise.resolve() : Promise.reject(new DOMException("play() needs a user gesture", "NotAllowedError"));
    });
    // The unlock button's click stands in for the user gesture.
    const allow = (e: Event): void => {
      if (e.target instanceof Element && e.target.closest("[data-rtvi-audio-unlock]")) allowed = true;
    };
    document.addEventListener("pointerdown", allow, true);
    return () => {
      document.removeEventListener("pointerdown", allow, true);
      play.mockRestore();
      HTMLMediaElement.prototype.play = original;
    };
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const unlock = await canvas.findByRole("button", { name: "Enable bot audio" }, { timeout: 5_000 });
    await expect(args.onBlockedChange).toHaveBeenLastCalledWith(true);
    await userEvent.click(unlock);
    await waitFor(() => expect(canvas.queryByRole("button", { name: "Enable bot audio" })).toBeNull());
    await expect(args.onBlockedChange).toHaveBeenLastCalledWith(false);
  },
};

/** The unlock button on its own, for apps that place it themselves. */
export const UnlockButton: StoryObj<typeof AudioUnlockButton> = {
  render: (args) => <AudioUnlockButton {...args} />,
  args: { onClick: fn() },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Enable audio" }));
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};
