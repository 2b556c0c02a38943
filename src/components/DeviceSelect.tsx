import { useId, type ChangeEvent, type CSSProperties, type ReactNode, type SelectHTMLAttributes } from "react";
import { useDevices } from "../hooks/useDevices";
import { composeHandlers, cx, ignore } from "./dom";

/** Props of {@link DeviceSelect}. `className`/`style` go to the root; other props to the `<select>`. */
export interface DeviceSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "defaultValue" | "multiple" | "className" | "style"> {
  kind: "mic" | "speaker";
  /** The visible label. Default "Microphone" or "Speaker". */
  label?: ReactNode;
  /** Called after the user picks a device. */
  onDeviceChange?: (deviceId: string) => void;
  className?: string;
  style?: CSSProperties;
}

/**
 * A labelled native `<select>` of microphones or speakers: shows the device in use, follows
 * devices being plugged in and out, and switches (also while muted).
 */
export function DeviceSelect(props: DeviceSelectProps): ReactNode {
  const { kind, label, onDeviceChange, className, style, id: idProp, onChange, disabled, ...rest } = props;
  const devices = useDevices();
  const autoId = useId();
  const id = idProp ?? autoId;
  const mic = kind === "mic";
  const list = mic ? devices.mics : devices.speakers;
  const selected = mic ? devices.selectedMic : devices.selectedSpeaker;
  const known = selected !== null && list.some((d) => d.deviceId === selected);

  const pick = (e: ChangeEvent<HTMLSelectElement>): void => {
    const deviceId = e.target.value;
    if (!deviceId) return;
    void (mic ? devices.selectMic(deviceId) : devices.selectSpeaker(deviceId)).catch(ignore);
    onDeviceChange?.(deviceId);
  };

  return (
    <div className={cx("rtvi-device-select", className)} style={style} data-rtvi-device-select="" data-kind={kind} data-empty={list.length === 0 ? "" : undefined}>
      <label htmlFor={id}>{label ?? (mic ? "Microphone" : "Speaker")}</label>
      <select {...rest} id={id} value={known ? (selected as string) : ""} disabled={disabled || list.length === 0} onChange={composeHandlers(onChange, pick)}>
        {!known && <option value="">{list.length === 0 ? (mic ? "No microphone found" : "No speaker found") : "System default"}</option>}
        {list.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
      </select>
    </div>
  );
}
