import * as Slider from "@radix-ui/react-slider";
import { forwardRef, useEffect, useRef, useState, type HTMLAttributes } from "react";
import { cx, useMergedRef } from "./dom";
import { useVolumeSlider, type UseVolumeSliderOptions } from "./useVolumeSlider";

/** Props of {@link VolumeSlider}: the options of `useVolumeSlider` plus the root `<span>`'s attributes. */
export interface VolumeSliderProps extends UseVolumeSliderOptions, Omit<HTMLAttributes<HTMLSpanElement>, "dir" | "defaultValue" | "onChange" | "children" | "onVolumeChange"> {
  /** @deprecated Use `labels.volume`. */
  label?: string;
  orientation?: "horizontal" | "vertical";
  /** Text direction; by default the one the slider is laid out in (an ancestor's `dir="rtl"` included). */
  dir?: "ltr" | "rtl";
}

/**
 * The bot's playback volume (0..1) on a Radix slider: arrow keys, Home/End and Page keys,
 * pointer drag, and a thumb that reads "Volume 40%". `<BotAudio>` under the same provider
 * applies it. Right-to-left layouts run from the right. The ref reaches the root.
 */
export const VolumeSlider = /* @__PURE__ */ forwardRef<HTMLSpanElement, VolumeSliderProps>(function VolumeSlider(props, ref) {
  const { label, labels, step, orientation, disabled, onVolumeChange, dir, className, ...rest } = props;
  const slider = useVolumeSlider({ step, disabled, onVolumeChange, labels: { ...labels, volume: labels?.volume ?? label } });
  const rootRef = useRef<HTMLSpanElement>(null);
  const merged = useMergedRef(rootRef, ref);
  // Radix only knows the direction it is told: read the one the layout resolved around the
  // slider (the root itself carries the `dir` Radix gave it).
  const [layoutDir, setLayoutDir] = useState<"ltr" | "rtl" | undefined>(undefined);
  useEffect(() => {
    const around = rootRef.current?.parentElement;
    if (dir || !around || typeof getComputedStyle !== "function") return;
    setLayoutDir(getComputedStyle(around).direction === "rtl" ? "rtl" : "ltr");
  }, [dir]);
  return (
    <Slider.Root {...rest} {...slider.rootProps} ref={merged} dir={dir ?? layoutDir} orientation={orientation} className={cx("rtvi-volume-slider", className)}>
      <Slider.Track data-slot="track">
        <Slider.Range data-slot="range" />
      </Slider.Track>
      <Slider.Thumb data-slot="thumb" {...slider.thumbProps} />
    </Slider.Root>
  );
});
