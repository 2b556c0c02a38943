import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MicCheck, useDevices } from "../../../src";
import { renderWithSession } from "./helpers";

// A fake microphone: getUserMedia hands out tracks that record whether they were stopped.
interface FakeTrack {
  kind: "audio";
  deviceId: string;
  stopped: boolean;
  readyState: "live" | "ended";
  stop(): void;
  getSettings(): { deviceId: string };
}
function fakeMedia(options: { error?: string } = {}) {
  const tracks: FakeTrack[] = [];
  const device = (deviceId: string, label: string) => ({ deviceId, label, kind: "audioinput", groupId: "g" });
  const getUserMedia = vi.fn(async (c: MediaStreamConstraints) => {
    if (options.error) throw Object.assign(new Error(options.error), { name: options.error });
    const audio = c.audio as { deviceId?: { exact: string } } | true;
    const deviceId = audio === true ? "scripted-mic" : (audio.deviceId?.exact ?? "scripted-mic");
    const track: FakeTrack = {
      kind: "audio",
      deviceId,
      stopped: false,
      readyState: "live",
      stop() {
        this.stopped = true;
        this.readyState = "ended";
      },
      getSettings: () => ({ deviceId }),
    };
    tracks.push(track);
    return { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
  });
  const media = Object.assign(new EventTarget(), {
    getUserMedia,
    enumerateDevices: async () => [device("scripted-mic", "Scripted microphone"), device("scripted-mic-2", "Second microphone")],
  });
  Object.defineProperty(navigator, "mediaDevices", { configurable: true, value: media });
  return { tracks, getUserMedia };
}

const live = (tracks: FakeTrack[]) => tracks.filter((t) => !t.stopped);

describe("MicCheck", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(navigator, "mediaDevices");
  });

  it("opens the mic on the level bus; level readings update the bar with zero React commits", async () => {
    const { tracks } = fakeMedia();
    let commits = 0;
    const { session } = renderWithSession(
      <Profiler id="check" onRender={() => void commits++}>
        <MicCheck />
      </Profiler>,
    );
    const root = () => document.querySelector("[data-rtvi-mic-check]");
    await waitFor(() => expect(root()).toHaveAttribute("data-state", "live"));
    expect(screen.getByRole("status")).toHaveTextContent("Speak: the bar should move.");
    await waitFor(() => expect(screen.getByLabelText("Microphone")).toHaveDisplayValue("Scripted microphone"));
    // StrictMode's double mount opened and released one track: one is live, and it feeds the meters.
    expect(live(tracks)).toHaveLength(1);
    expect(session().meters.track("local")).toBe(live(tracks)[0]);

    const meter = screen.getByRole("meter", { name: "Microphone level" });
    const base = commits;
    act(() => {
      for (let i = 0; i < 600; i++) session().levels.mic.push((i % 10) / 10);
    });
    expect(commits).toBe(base);
    expect(meter.style.getPropertyValue("--rtvi-mic-level")).toBe("0.900");
    expect(meter).toHaveAttribute("aria-valuenow", "90");
  });

  it("releases the track on unmount", async () => {
    const { tracks } = fakeMedia();
    const { unmount, session } = renderWithSession(<MicCheck />);
    await waitFor(() => expect(live(tracks)).toHaveLength(1));
    unmount();
    expect(live(tracks)).toHaveLength(0);
    expect(session().meters.track("local")).toBeNull();
  });

  it("switches devices, releases the track as the call starts and carries the chosen mic into the call", async () => {
    const { tracks, getUserMedia } = fakeMedia();
    let devices: ReturnType<typeof useDevices> | null = null;
    function Devices() {
      devices = useDevices();
      return null;
    }
    const { client, transport } = renderWithSession(
      <>
        <MicCheck />
        <Devices />
      </>,
    );
    const select = await screen.findByLabelText("Microphone");
    await userEvent.setup().selectOptions(select, "Second microphone");
    await waitFor(() => expect(getUserMedia).toHaveBeenLastCalledWith({ audio: { deviceId: { exact: "scripted-mic-2" } } }));
    await waitFor(() => expect(live(tracks).map((t) => t.deviceId)).toEqual(["scripted-mic-2"]));
    const updateMic = vi.spyOn(client, "updateMic");
    let stoppedAtConnect: boolean | null = null;
    const initDevices = transport.initDevices.bind(transport);
    vi.spyOn(transport, "initDevices").mockImplementation(async () => {
      // A transport announces "initializing", then asks for the microphone: by then the test's track must be gone.
      transport.state = "initializing";
      stoppedAtConnect = live(tracks).length === 0;
      return initDevices();
    });
    await act(() => client.connect());
    expect(stoppedAtConnect).toBe(true);
    expect(updateMic).toHaveBeenCalledWith("scripted-mic-2");
    expect((devices as unknown as ReturnType<typeof useDevices>).selectedMic).toBe("scripted-mic-2");
    expect(document.querySelector("[data-rtvi-mic-check]")).toHaveAttribute("data-state", "in-call");
    await client.disconnect();
  });

  it("without a choice the call keeps the browser's default: no device switch, the test track still released", async () => {
    const { tracks } = fakeMedia();
    const { client } = renderWithSession(<MicCheck />);
    await waitFor(() => expect(live(tracks)).toHaveLength(1));
    const updateMic = vi.spyOn(client, "updateMic");
    await act(() => client.connect());
    expect(live(tracks)).toHaveLength(0);
    expect(updateMic).not.toHaveBeenCalled();
    await client.disconnect();
  });

  it("explains a denied or missing microphone in words and offers to try again", async () => {
    fakeMedia({ error: "NotAllowedError" });
    renderWithSession(<MicCheck labels={{ retry: "Retry the mic" }} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Microphone access is blocked. Allow it in the browser's site settings, then try again.");
    expect(screen.getByRole("button", { name: "Retry the mic" })).toBeInTheDocument();
    expect(document.querySelector("[data-rtvi-mic-check]")).toHaveAttribute("data-state", "denied");
    cleanupMedia();
    fakeMedia({ error: "NotFoundError" });
    renderWithSession(<MicCheck labels={{ problems: { "no-device": "Plug in a microphone." } }} />);
    await waitFor(() => expect(screen.getAllByRole("alert").at(-1)).toHaveTextContent("Plug in a microphone."));
  });

  it("without autoStart it waits for a click", async () => {
    const { getUserMedia } = fakeMedia();
    renderWithSession(<MicCheck autoStart={false} />);
    expect(getUserMedia).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByRole("button", { name: "Test microphone" }));
    await waitFor(() => expect(document.querySelector("[data-rtvi-mic-check]")).toHaveAttribute("data-state", "live"));
    expect(getUserMedia).toHaveBeenCalledTimes(1);
  });
});

function cleanupMedia(): void {
  Reflect.deleteProperty(navigator, "mediaDevices");
}
