import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, type MouseEvent } from "react";
import { describe, expect, it, vi } from "vitest";
import { AudioUnlockButton, BotAudio, CaptionsOverlay, ConnectButton, DeviceSelect, LatencyBadge, TextInput, TranscriptExportButton, VoiceVisualizer, VolumeSlider, type Turn } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";
import { blockAutoplayUntilAllowed, READY } from "./helpers";

const botTrack = { kind: "audio", id: "bot-track", enabled: true, readyState: "live" } as unknown as MediaStreamTrack;
const turn = { id: "1", role: "user", text: "hi", pendingText: "", unspokenText: "", final: true, interrupted: false, startedAt: 0, endedAt: 1, source: "user-transcription" } as Turn;

describe("refs", () => {
  it("reach each component's element", () => {
    const { client } = scriptedClient(READY);
    const refs = {
      connect: createRef<HTMLButtonElement>(),
      text: createRef<HTMLFormElement>(),
      audio: createRef<HTMLAudioElement>(),
      unlock: createRef<HTMLButtonElement>(),
      exporter: createRef<HTMLButtonElement>(),
      device: createRef<HTMLSelectElement>(),
      volume: createRef<HTMLSpanElement>(),
      latency: createRef<HTMLSpanElement>(),
      captions: createRef<HTMLDivElement>(),
      visualizer: createRef<HTMLDivElement>(),
    };
    renderWithClient(
      client,
      <>
        <ConnectButton ref={refs.connect} />
        <TextInput ref={refs.text} />
        <BotAudio ref={refs.audio} />
        <AudioUnlockButton ref={refs.unlock} />
        <TranscriptExportButton ref={refs.exporter} />
        <DeviceSelect kind="mic" ref={refs.device} />
        <VolumeSlider ref={refs.volume} />
        <LatencyBadge ref={refs.latency} />
        <CaptionsOverlay ref={refs.captions} />
        <VoiceVisualizer ref={refs.visualizer} levels={0.5} />
      </>,
    );
    const is = (el: Element | null, tag: string, attr: string) => {
      expect(el?.tagName).toBe(tag);
      expect(el).toHaveAttribute(attr);
    };
    is(refs.connect.current, "BUTTON", "data-rtvi-connect-button");
    is(refs.text.current, "FORM", "data-rtvi-text-input");
    is(refs.audio.current, "AUDIO", "data-rtvi-bot-audio");
    is(refs.unlock.current, "BUTTON", "data-rtvi-audio-unlock");
    is(refs.exporter.current, "BUTTON", "data-rtvi-export-button");
    expect(refs.device.current?.tagName).toBe("SELECT");
    is(refs.volume.current, "SPAN", "data-rtvi-volume-slider");
    is(refs.latency.current, "SPAN", "data-rtvi-latency");
    is(refs.captions.current, "DIV", "data-rtvi-captions");
    is(refs.visualizer.current, "DIV", "data-rtvi-visualizer");
  });

  it("merge a user's ref with the component's own: the slider still reads the layout direction", async () => {
    const { client } = scriptedClient(READY);
    const ref = createRef<HTMLSpanElement>();
    renderWithClient(
      client,
      <div dir="rtl" style={{ direction: "rtl" }}>
        <VolumeSlider ref={ref} />
      </div>,
    );
    expect(ref.current).toHaveAttribute("data-rtvi-volume-slider");
    // Only the internal ref sees the computed direction and hands it to Radix.
    await waitFor(() => expect(ref.current).toHaveAttribute("dir", "rtl"));
  });

  it("merge a user's callback ref with the visualizer's own (its loop still reads the root)", () => {
    const { client } = scriptedClient(READY);
    const seen: Array<HTMLDivElement | null> = [];
    const view = renderWithClient(client, <VoiceVisualizer ref={(el) => void seen.push(el)} levels={0.5} />);
    const root = document.querySelector("[data-rtvi-visualizer]");
    expect(seen).toContain(root);
    view.unmount();
    expect(seen.at(-1)).toBeNull();
  });
});

describe("BotAudio with a user's ref, and AudioUnlockButton anywhere", () => {
  const autoplay = blockAutoplayUntilAllowed();

  it("plays through the element the user's ref also holds; a separate asChild unlock button starts it", async () => {
    const ref = createRef<HTMLAudioElement>();
    const { client } = scriptedClient(READY, { speed: Infinity, tracks: { bot: botTrack } });
    renderWithClient(
      client,
      <>
        <header>
          <AudioUnlockButton asChild onlyWhenBlocked>
            <button className="banner" />
          </AudioUnlockButton>
        </header>
        <BotAudio ref={ref} showUnlockButton={false} />
      </>,
    );
    expect(screen.queryByRole("button")).toBeNull();
    await act(() => client.connect());
    expect((ref.current?.srcObject as unknown as { tracks: MediaStreamTrack[] }).tracks).toEqual([botTrack]);
    const unlock = await screen.findByRole("button", { name: "Enable audio" });
    expect(screen.getAllByRole("button")).toHaveLength(1);
    expect(unlock).toHaveClass("banner");
    expect(unlock).toHaveAttribute("type", "button");
    expect(unlock).toHaveAttribute("data-state", "blocked");

    autoplay.allow();
    await userEvent.setup().click(unlock);
    await waitFor(() => expect(screen.queryByRole("button")).toBeNull());
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalled();
  });
});

describe("asChild", () => {
  it("ConnectButton: the child element becomes the button, keeps aria-busy and gets the live label", async () => {
    const { client } = scriptedClient(READY, { speed: 1, connectDelayMs: 40 });
    const ref = createRef<HTMLButtonElement>();
    const onClick = vi.fn();
    renderWithClient(
      client,
      <ConnectButton asChild ref={ref}>
        <button className="fancy" onClick={onClick} />
      </ConnectButton>,
    );
    const button = screen.getByRole("button", { name: "Connect" });
    expect(screen.getAllByRole("button")).toHaveLength(1);
    expect(ref.current).toBe(button);
    expect(button).toHaveClass("fancy", "rtvi-connect-button");
    expect(button).toHaveAttribute("data-state", "disconnected");
    await userEvent.setup().click(button);
    expect(onClick).toHaveBeenCalledOnce();
    await waitFor(() => expect(button).toHaveAttribute("aria-busy", "true"));
    expect(button).toHaveAttribute("aria-disabled", "true");
    await waitFor(() => expect(button).toHaveAccessibleName("Disconnect"));
    await act(() => client.disconnect());
  });

  it("ConnectButton: the child's own handler runs first and can cancel the connect", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity });
    const connect = vi.spyOn(client, "connect");
    renderWithClient(
      client,
      <ConnectButton asChild>
        <a href="#call" role="button" onClick={(e: MouseEvent) => e.preventDefault()}>
          Call
        </a>
      </ConnectButton>,
    );
    const link = screen.getByRole("button", { name: "Call" });
    expect(link.tagName).toBe("A");
    await userEvent.setup().click(link);
    expect(connect).not.toHaveBeenCalled();
    expect(link).toHaveAttribute("data-state", "disconnected");
  });

  it("TranscriptExportButton: the child keeps its content and the disabled state", () => {
    const { client } = scriptedClient(READY);
    renderWithClient(
      client,
      <>
        <TranscriptExportButton asChild turns={[]}>
          <button>Nothing yet</button>
        </TranscriptExportButton>
        <TranscriptExportButton asChild turns={[turn]} format="webvtt">
          <button className="save">Save</button>
        </TranscriptExportButton>
      </>,
    );
    expect(screen.getByRole("button", { name: "Nothing yet" })).toBeDisabled();
    const save = screen.getByRole("button", { name: "Save" });
    expect(save).toBeEnabled();
    expect(save).toHaveClass("save", "rtvi-export-button");
    expect(save).toHaveAttribute("data-format", "webvtt");
  });

  it("TextInput: a custom send button submits, disabled until there is something to send", async () => {
    const { client, transport } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(client, <TextInput sendButton={<button className="round" />} />);
    const send = screen.getByRole("button", { name: "Send" });
    expect(send).toHaveClass("round");
    expect(send).toHaveAttribute("type", "submit");
    expect(send).toBeDisabled();
    await act(() => client.connect());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Message"), "Hello");
    expect(send).toBeEnabled();
    await user.click(send);
    await waitFor(() => expect(transport.sent.some((m) => m.type === "send-text")).toBe(true));
  });
});
