import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BotAudio, DeviceSelect, VolumeSlider } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";
import { blockAutoplayUntilAllowed, READY } from "./helpers";

const botTrack = { kind: "audio", id: "bot-track", enabled: true, readyState: "live" } as unknown as MediaStreamTrack;

async function connectedWithTrack(ui: React.ReactNode) {
  const { client } = scriptedClient(READY, { speed: Infinity, tracks: { bot: botTrack } });
  const view = renderWithClient(client, ui);
  await act(() => client.connect());
  return { client, ...view };
}
const audio = () => document.querySelector("audio[data-rtvi-bot-audio]") as HTMLAudioElement;

describe("BotAudio", () => {
  const autoplay = blockAutoplayUntilAllowed();

  it("plays the bot track, and offers 'Enable audio' when the browser blocks it", async () => {
    const onBlockedChange = vi.fn();
    await connectedWithTrack(<BotAudio onBlockedChange={onBlockedChange} />);
    expect((audio().srcObject as unknown as { tracks: MediaStreamTrack[] }).tracks).toEqual([botTrack]);
    const unlock = await screen.findByRole("button", { name: "Enable audio" });
    expect(onBlockedChange).toHaveBeenLastCalledWith(true);

    autoplay.allow();
    await userEvent.setup().click(unlock);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Enable audio" })).toBeNull());
    expect(onBlockedChange).toHaveBeenLastCalledWith(false);
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalled();
  });

  it("shows nothing when playback starts", async () => {
    autoplay.allow();
    await connectedWithTrack(<BotAudio />);
    await waitFor(() => expect(HTMLMediaElement.prototype.play).toHaveBeenCalled());
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("applies the selected speaker where setSinkId exists", async () => {
    autoplay.allow();
    const setSinkId = vi.fn(() => Promise.resolve());
    Object.defineProperty(HTMLMediaElement.prototype, "setSinkId", { configurable: true, value: setSinkId });
    try {
      await connectedWithTrack(
        <>
          <BotAudio />
          <DeviceSelect kind="speaker" />
        </>,
      );
      // The transport's initial speaker is applied, then the user's choice.
      await waitFor(() => expect(setSinkId).toHaveBeenCalledWith("scripted-speaker"));
      await userEvent.setup().selectOptions(await screen.findByLabelText("Speaker"), "Second speaker");
      await waitFor(() => expect(setSinkId).toHaveBeenLastCalledWith("scripted-speaker-2"));
    } finally {
      Reflect.deleteProperty(HTMLMediaElement.prototype, "setSinkId");
    }
  });
});

describe("VolumeSlider", () => {
  beforeEach(() => {
    vi.stubGlobal("MediaStream", class {});
    vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("sets the bot audio element's volume from the keyboard, and says the value", async () => {
    const onVolumeChange = vi.fn();
    await connectedWithTrack(
      <>
        <BotAudio />
        <VolumeSlider onVolumeChange={onVolumeChange} />
      </>,
    );
    const thumb = screen.getByRole("slider", { name: "Volume" });
    expect(thumb).toHaveAttribute("aria-valuetext", "Volume 100%");
    expect(audio().volume).toBe(1);

    const user = userEvent.setup();
    act(() => thumb.focus());
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(audio().volume).toBeCloseTo(0.9);
    expect(thumb).toHaveAttribute("aria-valuetext", "Volume 90%");
    expect(onVolumeChange).toHaveBeenLastCalledWith(0.9);

    await user.keyboard("{Home}");
    expect(audio().volume).toBe(0);
    expect(thumb).toHaveAttribute("aria-valuenow", "0");
    expect(document.querySelector("[data-rtvi-volume-slider]")).toHaveAttribute("data-muted", "");
  });
});
