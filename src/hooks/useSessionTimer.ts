import { useEffect, useRef, useState } from "react";
import { useSessionState } from "./useSessionState";

/** Options of {@link useSessionTimer}. */
export interface UseSessionTimerOptions {
  /** The call's allowed length; enables `remainingSec` and the `warning` / `expired` states. */
  maxDurationSec?: number;
  /** How long before the end the state turns `warning`. Default 60 s. */
  warnBeforeSec?: number;
  /** Called once per call when `maxDurationSec` is reached (e.g. to disconnect). */
  onExpire?: () => void;
}

/** Where a call's timer is: before any call, counting, near or past its limit, or ended. */
export type SessionTimerState = "idle" | "running" | "warning" | "expired" | "ended";

/** Result of {@link useSessionTimer}. */
export interface UseSessionTimerResult {
  readonly state: SessionTimerState;
  /** Whole seconds since the call connected (the last call's length once it ended). */
  readonly elapsedSec: number;
  /** Whole seconds left before `maxDurationSec`, or null without one. */
  readonly remainingSec: number | null;
  readonly maxDurationSec: number | null;
}

const whole = (ms: number): number => Math.max(0, Math.floor(ms / 1000));

/**
 * The call's duration, counted from the moment it connected. The start is kept in the
 * provider's store, so the count survives the bot's reconnects and this hook remounting;
 * the caller re-renders once per second while a call is up, and never otherwise.
 */
export function useSessionTimer(options: UseSessionTimerOptions = {}): UseSessionTimerResult {
  const { maxDurationSec, warnBeforeSec = 60, onExpire } = options;
  const startedAt = useSessionState((s) => s.callStartedAt, "useSessionTimer");
  const endedAt = useSessionState((s) => s.callEndedAt, "useSessionTimer");
  const running = startedAt !== null && endedAt === null;
  const [tick, setTick] = useState(() => (startedAt === null ? 0 : whole((endedAt ?? Date.now()) - startedAt)));

  useEffect(() => {
    if (startedAt === null) return setTick(0);
    if (endedAt !== null) return setTick(whole(endedAt - startedAt));
    let timer: ReturnType<typeof setTimeout>;
    const step = (): void => {
      const ms = Date.now() - startedAt;
      setTick(whole(ms));
      // Aligned to the call's own seconds, so the text never skips or repeats one.
      timer = setTimeout(step, 1000 - (Math.max(0, ms) % 1000));
    };
    step();
    return () => clearTimeout(timer);
  }, [startedAt, endedAt]);

  const max = maxDurationSec !== undefined && Number.isFinite(maxDurationSec) && maxDurationSec > 0 ? Math.round(maxDurationSec) : null;
  const remainingSec = max === null ? null : Math.max(0, max - tick);
  const state: SessionTimerState =
    startedAt === null ? "idle" : !running ? "ended" : remainingSec === 0 ? "expired" : remainingSec !== null && remainingSec <= warnBeforeSec ? "warning" : "running";

  const expireRef = useRef(onExpire);
  useEffect(() => {
    expireRef.current = onExpire;
  });
  const firedFor = useRef<number | null>(null);
  useEffect(() => {
    if (state !== "expired" || firedFor.current === startedAt) return;
    firedFor.current = startedAt;
    expireRef.current?.();
  }, [state, startedAt]);

  return { state, elapsedSec: tick, remainingSec, maxDurationSec: max };
}
