import { useCallback, useEffect, useRef, useState, type RefCallback } from "react";
import { useSessionState } from "../hooks/useSessionState";
import { useRTVIContext } from "../provider/context";
import { botAudioState, useAudioUnlock, type BotAudioPlayer } from "./botAudioState";
import { ignore } from "./dom";
import { useBotVolume } from "./useBotVolume";

/** Options of {@link useBotAudio}. */
export interface UseBotAudioOptions {
  /** Told when the browser blocks this element's playback and when it is unblocked. */
  onBlockedChange?: (blocked: boolean) => void;
}

/** Result of {@link useBotAudio}. */
export interface UseBotAudioResult {
  /** The browser blocked the bot's audio under this provider (any of its players): show an unlock control. */
  readonly blocked: boolean;
  /**
   * Starts every blocked player of the provider and resumes its AudioContext. Call it from a
   * user gesture (a click handler): that is what the autoplay policy waits for.
   */
  readonly unlock: () => void;
  /** The bot's playback volume (shared with `<VolumeSlider>`), 0..1. */
  readonly volume: number;
  /** Spread on an `<audio>` element to make it the player; leave it out to only read `blocked` and `unlock`. */
  readonly audioProps: {
    readonly ref: RefCallback<HTMLAudioElement>;
    readonly autoPlay: true;
    readonly playsInline: true;
    readonly hidden: true;
    readonly "data-rtvi-bot-audio": "";
  };
}

/**
 * Headless bot audio: plays the bot's track through the `<audio>` given `audioProps`
 * (starting playback itself, applying the chosen speaker where `setSinkId` exists and the
 * shared volume), tells when autoplay was blocked, and unlocks it.
 */
export function useBotAudio(options: UseBotAudioOptions = {}): UseBotAudioResult {
  const { session } = useRTVIContext("useBotAudio");
  const track = useSessionState((s) => s.botTrack, "useBotAudio");
  const speaker = useSessionState((s) => s.selectedSpeaker, "useBotAudio");
  const { volume } = useBotVolume();
  const { blocked, unlock } = useAudioUnlock(session);
  const [el, setEl] = useState<HTMLAudioElement | null>(null);
  const elRef = useRef<HTMLAudioElement | null>(null);
  const playerRef = useRef<BotAudioPlayer | null>(null);
  const blockedRef = useRef(false);
  const onBlocked = useRef(options.onBlockedChange);
  useEffect(() => {
    onBlocked.current = options.onBlockedChange;
  });

  const report = useCallback((next: boolean) => {
    if (blockedRef.current === next) return;
    blockedRef.current = next;
    playerRef.current?.setBlocked(next);
    onBlocked.current?.(next);
  }, []);

  const play = useCallback(async (): Promise<void> => {
    const audio = elRef.current;
    if (!audio) return;
    const source = audio.srcObject;
    try {
      await audio.play();
      if (audio.srcObject === source) report(false);
    } catch (e) {
      // A stale attempt (the track changed meanwhile) says nothing about the current one;
      // AbortError means a newer source replaced this one: not a block either.
      if (audio.srcObject === source && (e as { name?: unknown } | null)?.name === "NotAllowedError") report(true);
    }
  }, [report]);

  useEffect(() => {
    if (!el) return;
    const player = botAudioState(session).register(play);
    playerRef.current = player;
    if (blockedRef.current) player.setBlocked(true);
    return () => {
      player.dispose();
      if (playerRef.current === player) playerRef.current = null;
    };
  }, [el, session, play]);

  useEffect(() => {
    if (!el || !track || typeof MediaStream === "undefined") return;
    el.srcObject = new MediaStream([track]);
    void play();
    return () => {
      el.srcObject = null;
      report(false);
    };
  }, [el, track, play, report]);

  useEffect(() => {
    if (el) el.volume = volume;
  }, [el, volume]);

  useEffect(() => {
    if (el && speaker && typeof el.setSinkId === "function") void el.setSinkId(speaker).catch(ignore);
  }, [el, speaker]);

  const ref = useCallback<RefCallback<HTMLAudioElement>>((node) => {
    elRef.current = node;
    setEl(node);
  }, []);

  return { blocked, unlock, volume, audioProps: { ref, autoPlay: true, playsInline: true, hidden: true, "data-rtvi-bot-audio": "" } };
}
