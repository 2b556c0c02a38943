import { useCallback, useId, type ChangeEvent } from "react";
import { useDevices } from "../hooks/useDevices";
import type { DeviceOption } from "../store/sessionState";
import { ignore, withDefaults } from "./dom";

/** The strings of a device picker; each falls back to English for its kind. */
export interface DeviceSelectLabels {
  /** The visible label. Default "Microphone" / "Speaker" / "Camera". */
  label?: string;
  /** The only option when there is no device. Default "No microphone found" / "No speaker found". */
  none?: string;
  /** The option while the device in use is not in the list. Default "System default". */
  systemDefault?: string;
  /** The name of a device the browser gives no name (before permission), from 1. Default "Microphone 1" / "Speaker 1". */
  device?: (position: number) => string;
}

/** Options of {@link useDeviceSelect}. */
export interface UseDeviceSelectOptions {
  kind: "mic" | "speaker" | "camera";
  /** Called after the user picks a device. */
  onDeviceChange?: (deviceId: string) => void;
  labels?: DeviceSelectLabels;
  /** The `<select>`'s id. Default a generated one. */
  id?: string;
}

/** Result of {@link useDeviceSelect}. */
export interface UseDeviceSelectResult {
  readonly kind: "mic" | "speaker" | "camera";
  /** The devices of that kind, unnamed ones named by `labels.device`. */
  readonly devices: readonly DeviceOption[];
  /** The device in use, or null (the system default). */
  readonly selected: string | null;
  /** No device of that kind. */
  readonly empty: boolean;
  readonly label: string;
  /** The text of the empty-valued first option, or null when the device in use is listed. */
  readonly placeholder: string | null;
  /** Switches to a device (also while muted). Never rejects: failures reach `useRTVIError`. */
  select(deviceId: string): void;
  readonly labelProps: { readonly htmlFor: string };
  readonly selectProps: {
    readonly id: string;
    readonly value: string;
    readonly disabled: boolean;
    readonly onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  };
}

// The store names a device the browser left unnamed "Device N" (its position from 1).
// TODO(issue 13): the store could keep the empty label instead, so no pattern is needed here.
const STORE_FALLBACK = /^Device (\d+)$/;

/**
 * Headless microphone, speaker or camera picker: the devices (following plugs and unplugs), the one
 * in use, and props for a native `<label>` + `<select>` pair.
 */
export function useDeviceSelect(options: UseDeviceSelectOptions): UseDeviceSelectResult {
  const { kind, onDeviceChange, labels: given, id: idOption } = options;
  const devices = useDevices();
  const autoId = useId();
  const id = idOption ?? autoId;
  const mic = kind === "mic";
  const cam = kind === "camera";
  const noun = mic ? "Microphone" : cam ? "Camera" : "Speaker";
  const labels = withDefaults(
    {
      label: noun,
      none: `No ${noun.toLowerCase()} found`,
      systemDefault: "System default",
      device: (n: number) => `${noun} ${n}`,
    },
    given,
  );
  const raw = mic ? devices.mics : cam ? devices.cams : devices.speakers;
  const list = raw.map((d, i) => (STORE_FALLBACK.exec(d.label)?.[1] === String(i + 1) ? { deviceId: d.deviceId, label: labels.device(i + 1) } : d));
  const selected = mic ? devices.selectedMic : cam ? devices.selectedCam : devices.selectedSpeaker;
  const known = selected !== null && list.some((d) => d.deviceId === selected);
  const { selectMic, selectSpeaker, selectCam } = devices;

  const select = useCallback(
    (deviceId: string) => {
      if (!deviceId) return;
      void (mic ? selectMic(deviceId) : cam ? selectCam(deviceId) : selectSpeaker(deviceId)).catch(ignore);
      onDeviceChange?.(deviceId);
    },
    [mic, cam, selectMic, selectSpeaker, selectCam, onDeviceChange],
  );

  return {
    kind,
    devices: list,
    selected,
    empty: list.length === 0,
    label: labels.label,
    placeholder: known ? null : list.length === 0 ? labels.none : labels.systemDefault,
    select,
    labelProps: { htmlFor: id },
    selectProps: { id, value: known ? (selected as string) : "", disabled: list.length === 0, onChange: (e) => select(e.target.value) },
  };
}
