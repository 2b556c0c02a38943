import * as Slider from "@radix-ui/react-slider";
import type { CSSProperties, ReactNode } from "react";
import { cx, flag } from "./dom";
import { useBotVolume } from "./useBotVolume";

/** Props of {@link VolumeSlider}. */
export interface VolumeSliderProps {
  /** The accessible name, also the start of the spoken value ("Volume 40%"). Default "Volume". */
  label?: string;
  /** Keyboard step, 0..1. Default 0.05. */
  step?: number;
  orientation?: "horizontal" | "vertical";
  disabled?: boolean;
  /** Called as the user moves the slider, 0..1. */
  onVolumeChange?: (volume: number) => void;
  className?: string;
  style?: CSSProperties;
}

/**
 * The bot's playback volume (0..1) on a Radix slider: arrow keys, Home/End and Page keys,
 * pointer drag, and a thumb that reads "Volume 40%". `<BotAudio>` under the same provider
 * applies it.
 */
export function VolumeSlider(props: VolumeSliderProps): ReactNode {
  const { label = "Volume", step = 0.05, orientation, disabled, onVolumeChange, className, style } = props;
  const { volume, setVolume } = useBotVolume();
  // Whole percents keep keyboard steps exact (0.1 + 0.2 is not 0.3).
  const percent = Math.round(volume * 100);
  return (
    <Slider.Root
      className={cx("rtvi-volume-slider", className)}
      style={style}
      value={[percent]}
      min={0}
      max={100}
      step={Math.max(1, Math.round(step * 100))}
      orientation={orientation}
      disabled={disabled}
      onValueChange={(values) => {
        const v = (values[0] ?? percent) / 100;
        setVolume(v);
        onVolumeChange?.(v);
      }}
      data-rtvi-volume-slider=""
      data-muted={flag(percent === 0)}
    >
      <Slider.Track data-slot="track">
        <Slider.Range data-slot="range" />
      </Slider.Track>
      <Slider.Thumb data-slot="thumb" aria-label={label} aria-valuetext={`${label} ${percent}%`} />
    </Slider.Root>
  );
}
