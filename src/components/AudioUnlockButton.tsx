import type { ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "./dom";

/** Props of {@link AudioUnlockButton}: any `<button>` prop; `children` replaces "Enable audio". */
export type AudioUnlockButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type">;

/**
 * The button a browser's autoplay policy needs: audio may start only from a user gesture.
 * `<BotAudio>` shows it when playback was blocked; its click starts the audio.
 */
export function AudioUnlockButton(props: AudioUnlockButtonProps): ReactNode {
  const { className, children, ...rest } = props;
  return (
    <button type="button" {...rest} className={cx("rtvi-audio-unlock", className)} data-rtvi-audio-unlock="">
      {children ?? "Enable audio"}
    </button>
  );
}
