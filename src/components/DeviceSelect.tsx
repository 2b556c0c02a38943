import { forwardRef, type CSSProperties, type ReactNode, type SelectHTMLAttributes } from "react";
import { composeHandlers, cx } from "./dom";
import { useDeviceSelect, type UseDeviceSelectOptions } from "./useDeviceSelect";

/**
 * Props of {@link DeviceSelect}: the options of `useDeviceSelect`. `className`/`style` go to
 * the root; other props (and the ref) to the `<select>`.
 */
export interface DeviceSelectProps extends UseDeviceSelectOptions, Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "defaultValue" | "multiple" | "className" | "style"> {
  /** @deprecated Use `labels.label`. The visible label (a node wins over `labels.label`). */
  label?: ReactNode;
  className?: string;
  style?: CSSProperties;
}

/**
 * A labelled native `<select>` of microphones, speakers or cameras (`kind="camera"`): shows the device in use, follows
 * devices being plugged in and out, and switches (also while muted).
 */
export const DeviceSelect = /* @__PURE__ */ forwardRef<HTMLSelectElement, DeviceSelectProps>(function DeviceSelect(props, ref) {
  const { kind, label, labels, onDeviceChange, className, style, id, onChange, disabled, ...rest } = props;
  const picker = useDeviceSelect({ kind, onDeviceChange, labels, id });
  const { selectProps } = picker;
  return (
    <div className={cx("rtvi-device-select", className)} style={style} data-rtvi-device-select="" data-kind={kind} data-empty={picker.empty ? "" : undefined}>
      <label {...picker.labelProps}>{label ?? picker.label}</label>
      <select {...rest} {...selectProps} ref={ref} disabled={disabled || selectProps.disabled} onChange={composeHandlers(onChange, selectProps.onChange)}>
        {picker.placeholder !== null && <option value="">{picker.placeholder}</option>}
        {picker.devices.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
      </select>
    </div>
  );
});
