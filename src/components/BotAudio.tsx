import { forwardRef, type ReactNode } from "react";
import { AudioUnlockButton, type AudioUnlockButtonProps } from "./AudioUnlockButton";
import { useMergedRef } from "./dom";
import { useBotAudio, type UseBotAudioOptions } from "./useBotAudio";

/**
 * Props of {@link BotAudio}: the options of `useBotAudio`, plus the props of the
 * "Enable audio" button it shows (`className`, `style`, `labels`...; the audio itself is hidden).
 */
export interface BotAudioProps extends UseBotAudioOptions, Omit<AudioUnlockButtonProps, "asChild" | "onlyWhenBlocked"> {
  /** @deprecated Use `labels.unlock`. The unlock button's content. */
  unlockLabel?: ReactNode;
  /** Show the unlock button while playback is blocked. Default true; turn off when an `<AudioUnlockButton>` elsewhere does it. */
  showUnlockButton?: boolean;
}

/**
 * Plays the bot's audio track through an `<audio>` element: starts playback itself, applies
 * the chosen speaker (`setSinkId` where supported) and the `<VolumeSlider>` volume, and when
 * the browser blocks autoplay shows an "Enable audio" button instead of staying silent. The
 * ref reaches the `<audio>` element.
 */
export const BotAudio = /* @__PURE__ */ forwardRef<HTMLAudioElement, BotAudioProps>(function BotAudio(props, ref) {
  const { unlockLabel, onBlockedChange, showUnlockButton = true, children, ...buttonProps } = props;
  const { blocked, audioProps } = useBotAudio({ onBlockedChange });
  const audioRef = useMergedRef(audioProps.ref, ref);
  return (
    <>
      <audio {...audioProps} ref={audioRef} />
      {blocked && showUnlockButton && <AudioUnlockButton {...buttonProps}>{children ?? unlockLabel}</AudioUnlockButton>}
    </>
  );
});
