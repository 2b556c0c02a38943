import type { LevelListener } from "../audio/levelChannel";
import { useRTVIContext } from "../provider/context";
import { useLevel, type UseLevelOptions } from "./useLevel";

/**
 * The microphone's level (0..1), from the transport's level events or, when it sends
 * none, an analyser on the mic track.
 *
 * - `useMicLevel(onLevel)` calls `onLevel` per reading and causes no React render: use it
 *   to drive a canvas or a CSS variable.
 * - `useMicLevel()` returns a coarse value that re-renders only when it crosses a step.
 */
export function useMicLevel(onLevel: LevelListener): void;
export function useMicLevel(options?: UseLevelOptions): number;
export function useMicLevel(arg?: LevelListener | UseLevelOptions): number | void {
  const value = useLevel(useRTVIContext("useMicLevel").session.levels.mic, arg);
  return typeof arg === "function" ? undefined : value;
}
