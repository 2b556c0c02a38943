import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useBotAudio, useDeviceSelect, useTextInput, useTranscriptExport, useVolumeSlider } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";
import { READY } from "./helpers";

// Each custom UI below renders from nothing but the hook's result.

function ChatBox() {
  const chat = useTextInput({ labels: { message: "Ask" } });
  return (
    <form {...chat.formProps}>
      <label {...chat.labelProps}>{chat.labels.message}</label>
      <textarea {...chat.fieldProps} />
      <button {...chat.sendButtonProps}>{chat.sending ? "…" : "Go"}</button>
      <output>{chat.canSend ? "can send" : "cannot send"}</output>
    </form>
  );
}

function Exporter() {
  const { empty, getText, filename } = useTranscriptExport({ format: "markdown", labels: { user: "Me" } });
  return <pre data-testid="export" data-file={filename}>{empty ? "empty" : getText()}</pre>;
}

function MicRadios() {
  const picker = useDeviceSelect({ kind: "mic" });
  return (
    <fieldset>
      <legend>{picker.label}</legend>
      {picker.devices.map((d) => (
        <label key={d.deviceId}>
          <input type="radio" name="mic" checked={picker.selected === d.deviceId} onChange={() => picker.select(d.deviceId)} />
          {d.label}
        </label>
      ))}
    </fieldset>
  );
}

function PlainRange() {
  const v = useVolumeSlider();
  return <input type="range" aria-label={v.label} aria-valuetext={v.valueText} min={0} max={100} value={v.percent} onChange={(e) => v.setVolume(Number(e.target.value) / 100)} />;
}

function Speaker() {
  const { blocked, unlock, audioProps } = useBotAudio();
  return (
    <>
      <audio {...audioProps} />
      {blocked && (
        <button type="button" onClick={unlock}>
          Tap for sound
        </button>
      )}
    </>
  );
}

describe("headless hooks", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("useTextInput drives a custom form that sends and clears", async () => {
    const { client, transport } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(client, <ChatBox />);
    expect(screen.getByRole("button", { name: "Go" })).toBeDisabled();
    await act(() => client.connect());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Ask"), "Bonjour");
    expect(screen.getByRole("status")).toHaveTextContent("can send");
    await user.click(screen.getByRole("button", { name: "Go" }));
    await waitFor(() => expect(screen.getByLabelText("Ask")).toHaveValue(""));
    expect(transport.sent.filter((m) => m.type === "send-text").map((m) => (m.data as { content: string }).content)).toEqual(["Bonjour"]);
  });

  it("useTranscriptExport gives the file text of the conversation", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(
      client,
      <>
        <ChatBox />
        <Exporter />
      </>,
    );
    expect(screen.getByTestId("export")).toHaveTextContent("empty");
    expect(screen.getByTestId("export")).toHaveAttribute("data-file", "transcript.md");
    await act(() => client.connect());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Ask"), "Hello{Enter}");
    await waitFor(() => expect(screen.getByTestId("export")).toHaveTextContent("**Me:** Hello"));
  });

  it("useDeviceSelect drives radio buttons", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity });
    const updateMic = vi.spyOn(client, "updateMic");
    renderWithClient(client, <MicRadios />);
    await act(() => client.connect());
    const second = await screen.findByRole("radio", { name: "Second microphone" });
    expect(screen.getByRole("group", { name: "Microphone" })).toBeInTheDocument();
    await userEvent.setup().click(second);
    expect(updateMic).toHaveBeenCalledWith("scripted-mic-2");
    await waitFor(() => expect(second).toBeChecked());
  });

  it("useVolumeSlider drives a native range, and useBotAudio plays at that volume with its own unlock button", async () => {
    let allowPlay = false;
    vi.stubGlobal(
      "MediaStream",
      class {
        constructor(readonly tracks: MediaStreamTrack[]) {}
      },
    );
    vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(() => (allowPlay ? Promise.resolve() : Promise.reject(new DOMException("blocked", "NotAllowedError"))));
    const botTrack = { kind: "audio", id: "bot", enabled: true, readyState: "live" } as unknown as MediaStreamTrack;
    const { client } = scriptedClient(READY, { speed: Infinity, tracks: { bot: botTrack } });
    const { container } = renderWithClient(
      client,
      <>
        <PlainRange />
        <Speaker />
      </>,
    );
    await act(() => client.connect());
    const audio = container.querySelector("audio") as HTMLAudioElement;
    expect(audio).toHaveAttribute("data-rtvi-bot-audio");
    const range = screen.getByRole("slider", { name: "Volume" });
    expect(range).toHaveAttribute("aria-valuetext", "Volume 100%");
    // jsdom has no keyboard stepping for native ranges: a change event stands in for the drag.
    fireEvent.change(range, { target: { value: "40" } });
    expect(range).toHaveAttribute("aria-valuetext", "Volume 40%");
    expect(audio.volume).toBeCloseTo(0.4);

    const tap = await screen.findByRole("button", { name: "Tap for sound" });
    allowPlay = true;
    await userEvent.setup().click(tap);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Tap for sound" })).toBeNull());
  });
});
