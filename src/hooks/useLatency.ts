import { useMemo } from "react";
import { useSessionState } from "./useSessionState";

/** Result of {@link useLatency}. */
export interface UseLatencyResult {
  /** The latest turn's latency in ms, or null before the first. */
  readonly last: number | null;
  /** Median over the session's turns, or null. */
  readonly median: number | null;
  /** Every measured turn, oldest first (the last 100). */
  readonly samples: readonly number[];
}

/** Voice-to-voice latency per turn: the user's end of speech (or typed send) to the bot's first audio. */
export function useLatency(): UseLatencyResult {
  const samples = useSessionState((s) => s.latencies, "useLatency");
  return useMemo(() => {
    if (samples.length === 0) return { last: null, median: null, samples };
    const sorted = [...samples].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    return { last: samples[samples.length - 1] ?? null, median, samples };
  }, [samples]);
}
