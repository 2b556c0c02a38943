import { useEffect } from "react";
import { useRTVIContext } from "../provider/context";
import { useSessionFeature } from "../provider/useSessionFeature";
import type { DeviceOption } from "../store/sessionState";
import { bindVideo } from "../store/video";
import { useSessionState } from "./useSessionState";

/** Result of {@link useDevices}. */
export interface UseDevicesResult {
  readonly mics: readonly DeviceOption[];
  readonly speakers: readonly DeviceOption[];
  readonly selectedMic: string | null;
  readonly selectedSpeaker: string | null;
  readonly cams: readonly DeviceOption[];
  readonly selectedCam: string | null;
  /** Switches the microphone (works while muted). Rejects with `RTVIActionError`. */
  selectMic(deviceId: string): Promise<void>;
  selectSpeaker(deviceId: string): Promise<void>;
  /** Switches the camera (works while it is off). Rejects with `RTVIActionError`. */
  selectCam(deviceId: string): Promise<void>;
  refresh(): Promise<void>;
}

/** Microphones, speakers and cameras, kept current when devices are plugged in or out. */
export function useDevices(): UseDevicesResult {
  const { actions, client } = useRTVIContext("useDevices");
  // Cameras are listed by the video binding.
  useSessionFeature(bindVideo, "useDevices");
  const s = {
    mics: useSessionState((x) => x.mics, "useDevices"),
    speakers: useSessionState((x) => x.speakers, "useDevices"),
    selectedMic: useSessionState((x) => x.selectedMic, "useDevices"),
    selectedSpeaker: useSessionState((x) => x.selectedSpeaker, "useDevices"),
    cams: useSessionState((x) => x.cams, "useDevices"),
    selectedCam: useSessionState((x) => x.selectedCam, "useDevices"),
  };
  // Plugging devices in or out is watched once per provider (bindClient); a mount lists
  // them once, and concurrent lists share one request.
  useEffect(() => {
    if (client) void actions.refreshDevices().catch(() => undefined);
  }, [client, actions]);
  return { ...s, selectMic: actions.selectMic, selectSpeaker: actions.selectSpeaker, selectCam: actions.selectCam, refresh: actions.refreshDevices };
}
