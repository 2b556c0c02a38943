import { useMemo } from "react";
import type { MetricKind, MetricsTurn } from "../store/metrics";
import { metricSeries, type MetricSeries } from "../store/metricsStats";
import { useSessionState } from "./useSessionState";

/** Result of {@link useMetrics}. */
export interface UseMetricsResult {
  /** One series per kind and processor, in first-seen order, with last / median / p95. */
  readonly series: readonly MetricSeries[];
  /** The raw exchanges, oldest first (bounded: the last 100). */
  readonly turns: readonly MetricsTurn[];
  /** From `connect()` to the bot being ready, in ms; null until measured. */
  readonly connectMs: number | null;
  /** The series of one kind (every processor), e.g. `byKind("ttfb")`. */
  byKind(kind: MetricKind): readonly MetricSeries[];
}

/**
 * The bot's RTVI `metrics` (TTFB, processing time, LLM tokens, TTS characters, per
 * processor) per exchange, with the client's own figures: voice-to-voice latency (the
 * same as `useLatency`, series kind `voiceToVoice`, processor "client") and the time to
 * connect. Durations are in ms. The caller re-renders only when a figure arrives.
 */
export function useMetrics(): UseMetricsResult {
  const turns = useSessionState((s) => s.metrics.turns, "useMetrics");
  const connectMs = useSessionState((s) => s.metrics.connectMs, "useMetrics");
  return useMemo(() => {
    const series = metricSeries(turns);
    return { series, turns, connectMs, byKind: (kind: MetricKind) => series.filter((s) => s.kind === kind) };
  }, [turns, connectMs]);
}
