import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DeviceSelect, MicToggle } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";
import { READY } from "./helpers";

const device = (deviceId: string, label: string) => ({ deviceId, label, kind: "audioinput", groupId: "g", toJSON: () => ({}) }) as MediaDeviceInfo;

describe("DeviceSelect", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(navigator, "mediaDevices");
  });

  it("lists microphones with a label, shows the one in use and switches, also while muted", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity });
    const updateMic = vi.spyOn(client, "updateMic");
    renderWithClient(
      client,
      <>
        <MicToggle />
        <DeviceSelect kind="mic" />
      </>,
    );
    await act(() => client.connect());
    const select = screen.getByLabelText("Microphone") as HTMLSelectElement;
    expect(select.tagName).toBe("SELECT");
    await waitFor(() => expect(select).toHaveDisplayValue("Scripted microphone"));
    expect(Array.from(select.options).map((o) => o.text)).toEqual(["Scripted microphone", "Second microphone"]);

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Mute" }));
    await user.selectOptions(select, "Second microphone");
    expect(updateMic).toHaveBeenCalledWith("scripted-mic-2");
    expect(select).toHaveDisplayValue("Second microphone");
    expect(client.isMicEnabled).toBe(false);
  });

  it("switches the speaker", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity });
    const updateSpeaker = vi.spyOn(client, "updateSpeaker");
    renderWithClient(client, <DeviceSelect kind="speaker" label="Output" />);
    const select = screen.getByLabelText("Output");
    await waitFor(() => expect(select).toHaveDisplayValue("System default"));
    await userEvent.setup().selectOptions(select, "Scripted speaker");
    expect(updateSpeaker).toHaveBeenCalledWith("scripted-speaker");
  });

  it("follows devices being plugged in", async () => {
    const media = new EventTarget();
    Object.defineProperty(navigator, "mediaDevices", { configurable: true, value: media });
    const { client } = scriptedClient(READY, { speed: Infinity, microphone: "no-device" });
    const getAllMics = vi.spyOn(client, "getAllMics").mockResolvedValue([]);
    renderWithClient(client, <DeviceSelect kind="mic" />);
    const select = screen.getByLabelText("Microphone");
    await waitFor(() => expect(select).toHaveDisplayValue("No microphone found"));
    expect(select).toBeDisabled();

    getAllMics.mockResolvedValue([device("usb-1", "USB headset")]);
    act(() => void media.dispatchEvent(new Event("devicechange")));
    await waitFor(() => expect(select).toBeEnabled());
    expect(screen.getByRole("option", { name: "USB headset" })).toBeInTheDocument();
  });
});
