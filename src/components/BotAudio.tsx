import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { useSessionState } from "../hooks/useSessionState";
import { useRTVIContext } from "../provider/context";
import { AudioUnlockButton } from "./AudioUnlockButton";
import { ignore } from "./dom";
import { useBotVolume } from "./useBotVolume";

/** Props of {@link BotAudio}. `className`/`style` go to the "Enable audio" button. */
export interface BotAudioProps {
  /** The unlock button's text. Default "Enable audio". */
  unlockLabel?: ReactNode;
  /** Told when the browser blocks playback and when it is unblocked. */
  onBlockedChange?: (blocked: boolean) => void;
  className?: string;
  style?: CSSProperties;
}

/**
 * Plays the bot's audio track through an `<audio>` element: starts playback itself, applies
 * the chosen speaker (`setSinkId` where supported) and the `<VolumeSlider>` volume, and when
 * the browser blocks autoplay shows an "Enable audio" button instead of staying silent.
 */
export function BotAudio(props: BotAudioProps): ReactNode {
  const { unlockLabel, onBlockedChange, className, style } = props;
  const { session } = useRTVIContext("BotAudio");
  const track = useSessionState((s) => s.botTrack, "BotAudio");
  const speaker = useSessionState((s) => s.selectedSpeaker, "BotAudio");
  const { volume } = useBotVolume();
  const audioRef = useRef<HTMLAudioElement>(null);
  const [blocked, setBlocked] = useState(false);
  const blockedRef = useRef(false);
  const onBlocked = useRef(onBlockedChange);
  useEffect(() => {
    onBlocked.current = onBlockedChange;
  });

  const report = useCallback((next: boolean) => {
    if (blockedRef.current === next) return;
    blockedRef.current = next;
    setBlocked(next);
    onBlocked.current?.(next);
  }, []);

  const play = useCallback(async (): Promise<void> => {
    const el = audioRef.current;
    if (!el) return;
    const source = el.srcObject;
    try {
      await el.play();
      if (el.srcObject === source) report(false);
    } catch (e) {
      // A stale attempt (the track changed meanwhile) says nothing about the current one;
      // AbortError means a newer source replaced this one: not a block either.
      if (el.srcObject === source && (e as { name?: unknown } | null)?.name === "NotAllowedError") report(true);
    }
  }, [report]);

  useEffect(() => {
    const el = audioRef.current;
    if (!el || !track || typeof MediaStream === "undefined") return;
    el.srcObject = new MediaStream([track]);
    void play();
    return () => {
      el.srcObject = null;
      report(false);
    };
  }, [track, play, report]);

  useEffect(() => {
    if (audioRef.current) audioRef.current.volume = volume;
  }, [volume]);

  useEffect(() => {
    const el = audioRef.current;
    if (el && speaker && typeof el.setSinkId === "function") void el.setSinkId(speaker).catch(ignore);
  }, [speaker]);

  const unlock = (): void => {
    // The same gesture may also unlock the shared AudioContext the level analysers use.
    session.audio.resume();
    void play();
  };

  return (
    <>
      <audio ref={audioRef} autoPlay playsInline hidden data-rtvi-bot-audio="" />
      {blocked && (
        <AudioUnlockButton className={className} style={style} onClick={unlock}>
          {unlockLabel}
        </AudioUnlockButton>
      )}
    </>
  );
}
