import { Slot } from "./Slot";
import { forwardRef, useContext, type ButtonHTMLAttributes } from "react";
import { RTVIContext } from "../provider/context";
import { useAudioUnlock } from "./botAudioState";
import { composeHandlers, cx, slotChild, withDefaults } from "./dom";

/** The strings of the unlock button; each falls back to English. */
export interface AudioUnlockLabels {
  /** The button's text. Default "Enable audio". */
  unlock?: string;
  /** Its description (`title`) while audio is blocked. Default "The browser blocked the bot's audio: click to play it.". */
  blocked?: string;
}

/** Props of {@link AudioUnlockButton}: any `<button>` prop; `children` replaces the label. */
export interface AudioUnlockButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> {
  labels?: AudioUnlockLabels;
  /** Render only while the provider's bot audio is blocked. Default false (always rendered). */
  onlyWhenBlocked?: boolean;
  /** Render the child element as the button (Radix `Slot`); its handlers run first and may `preventDefault()`. */
  asChild?: boolean;
}

const DEFAULT_LABELS: Required<AudioUnlockLabels> = { unlock: "Enable audio", blocked: "The browser blocked the bot's audio: click to play it." };

/**
 * The button a browser's autoplay policy needs: audio may start only from a user gesture.
 * Anywhere inside a provider its click starts every blocked `<BotAudio>` of that provider
 * (`data-state="blocked"` while there is one); `<BotAudio>` shows one itself by default.
 * Outside a provider it is a plain button for your own handler.
 */
export const AudioUnlockButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, AudioUnlockButtonProps>(function AudioUnlockButton(props, ref) {
  const { className, children, labels: given, onlyWhenBlocked = false, asChild = false, onClick, ...rest } = props;
  const session = useContext(RTVIContext)?.session ?? null;
  const { blocked, unlock } = useAudioUnlock(session);
  if (onlyWhenBlocked && !blocked) return null;
  const labels = withDefaults(DEFAULT_LABELS, given);
  const Comp = (asChild ? Slot : "button") as "button";
  return (
    <Comp
      type="button"
      title={blocked ? labels.blocked : undefined}
      {...rest}
      ref={ref}
      className={cx("rtvi-audio-unlock", className)}
      data-rtvi-audio-unlock=""
      data-state={blocked ? "blocked" : "idle"}
      onClick={composeHandlers(onClick, unlock)}
    >
      {asChild ? slotChild(children, labels.unlock) : (children ?? labels.unlock)}
    </Comp>
  );
});
