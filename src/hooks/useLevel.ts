import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import type { LevelChannel, LevelListener } from "../audio/levelChannel";

/** Options for the coarse form of `useMicLevel` / `useBotLevel`. */
export interface UseLevelOptions {
  /** How many steps between 0 and 1 the returned value has; it re-renders only across steps. Default 10. */
  steps?: number;
}

const noop = (): void => undefined;
const unsubscribeNoop = (): (() => void) => noop;

/**
 * Shared by the level hooks. With a listener: calls it per reading and never renders.
 * Without: returns the level rounded to `steps`, rendering only when the step changes.
 */
export function useLevel(channel: LevelChannel, arg?: LevelListener | UseLevelOptions): number {
  const listener = typeof arg === "function" ? arg : undefined;
  const steps = Math.max(1, Math.round((typeof arg === "object" ? arg.steps : undefined) ?? 10));
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  const hasListener = listener !== undefined;
  useEffect(() => {
    if (!hasListener) return;
    return channel.subscribe((level) => latest.current?.(level));
  }, [channel, hasListener]);
  const subscribe = useCallback((notify: () => void) => channel.subscribe(notify), [channel]);
  const snapshot = useCallback(() => Math.round(channel.get() * steps) / steps, [channel, steps]);
  return useSyncExternalStore(hasListener ? unsubscribeNoop : subscribe, hasListener ? zero : snapshot, zero);
}

const zero = (): number => 0;
