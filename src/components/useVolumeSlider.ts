import { useCallback } from "react";
import { flag, withDefaults } from "./dom";
import { useBotVolume } from "./useBotVolume";

/** The strings of a volume slider; each falls back to English. */
export interface VolumeSliderLabels {
  /** The accessible name. Default "Volume". */
  volume?: string;
  /** The spoken value. Default `${volume} ${percent}%` ("Volume 40%"). */
  valueText?: (percent: number, volume: string) => string;
}

/** Options of {@link useVolumeSlider}. */
export interface UseVolumeSliderOptions {
  /** Keyboard step, 0..1. Default 0.05. */
  step?: number;
  disabled?: boolean;
  /** Called as the user moves the slider, 0..1. */
  onVolumeChange?: (volume: number) => void;
  labels?: VolumeSliderLabels;
}

/** Result of {@link useVolumeSlider}: the bot's volume, and props for a Radix slider root and thumb. */
export interface UseVolumeSliderResult {
  /** 0..1. */
  readonly volume: number;
  /** The volume in whole percents, 0..100. */
  readonly percent: number;
  readonly muted: boolean;
  /** Sets the volume (0..1, clamped) for every `<BotAudio>` of the provider. */
  setVolume(volume: number): void;
  readonly label: string;
  readonly valueText: string;
  /** For `@radix-ui/react-slider`'s `Root` (percent values, 0..100). */
  readonly rootProps: {
    readonly value: number[];
    readonly min: 0;
    readonly max: 100;
    readonly step: number;
    readonly disabled: boolean | undefined;
    readonly onValueChange: (values: number[]) => void;
    readonly "data-rtvi-volume-slider": "";
    readonly "data-muted": "" | undefined;
  };
  /** For the slider's `Thumb`. */
  readonly thumbProps: { readonly "aria-label": string; readonly "aria-valuetext": string };
}

const DEFAULT_LABELS: Required<VolumeSliderLabels> = { volume: "Volume", valueText: (percent, volume) => `${volume} ${percent}%` };

/**
 * Headless bot volume slider over the provider's shared volume (`useBotVolume`), in whole
 * percents so keyboard steps stay exact (0.1 + 0.2 is not 0.3).
 */
export function useVolumeSlider(options: UseVolumeSliderOptions = {}): UseVolumeSliderResult {
  const { step = 0.05, disabled, onVolumeChange, labels: given } = options;
  const { volume, setVolume } = useBotVolume();
  const labels = withDefaults(DEFAULT_LABELS, given);
  const percent = Math.round(volume * 100);
  const valueText = labels.valueText(percent, labels.volume);
  const onValueChange = useCallback(
    (values: number[]) => {
      const v = (values[0] ?? percent) / 100;
      setVolume(v);
      onVolumeChange?.(v);
    },
    [percent, setVolume, onVolumeChange],
  );
  return {
    volume,
    percent,
    muted: percent === 0,
    setVolume,
    label: labels.volume,
    valueText,
    rootProps: {
      value: [percent],
      min: 0,
      max: 100,
      step: Math.max(1, Math.round(step * 100)),
      disabled,
      onValueChange,
      "data-rtvi-volume-slider": "",
      "data-muted": flag(percent === 0),
    },
    thumbProps: { "aria-label": labels.volume, "aria-valuetext": valueText },
  };
}
