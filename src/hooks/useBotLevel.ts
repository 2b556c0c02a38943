import type { LevelListener } from "../audio/levelChannel";
import { useRTVIContext } from "../provider/context";
import { useLevel, type UseLevelOptions } from "./useLevel";

/**
 * The bot's audio level (0..1), from the transport's level events or, when it sends
 * none, an analyser on the bot track (which must be playing, e.g. through <BotAudio>).
 *
 * - `useBotLevel(onLevel)` calls `onLevel` per reading and causes no React render: use it
 *   for visualizers.
 * - `useBotLevel()` returns a coarse value that re-renders only when it crosses a step.
 */
export function useBotLevel(onLevel: LevelListener): void;
export function useBotLevel(options?: UseLevelOptions): number;
export function useBotLevel(arg?: LevelListener | UseLevelOptions): number | void {
  const value = useLevel(useRTVIContext("useBotLevel").session.levels.bot, arg);
  return typeof arg === "function" ? undefined : value;
}
