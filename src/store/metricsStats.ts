import type { MetricKind, MetricsTurn } from "./metrics";

/** One metric of one processor over the session's exchanges. */
export interface MetricSeries {
  /** `${kind}:${processor}`, stable across updates (a React key). */
  readonly key: string;
  readonly kind: MetricKind;
  readonly processor: string;
  readonly model: string | null;
  /** Per exchange, oldest first: durations are the exchange's last reading, counts its sum. */
  readonly values: readonly number[];
  /** The exchange index of each value. */
  readonly turns: readonly number[];
  readonly last: number;
  readonly median: number;
  /** Nearest-rank 95th percentile. */
  readonly p95: number;
}

const COUNTS: ReadonlySet<MetricKind> = new Set(["promptTokens", "completionTokens", "totalTokens", "characters"]);

/** Whether a kind is a count (tokens, characters) rather than a duration in ms. */
export const isCount = (kind: MetricKind): boolean => COUNTS.has(kind);

/** Median of a non-empty list (the mean of the middle two for an even length). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile (0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] as number;
}

/** Every metric in the exchanges, grouped per kind and processor, in first-seen order. */
export function metricSeries(turns: readonly MetricsTurn[]): MetricSeries[] {
  const groups = new Map<string, { kind: MetricKind; processor: string; model: string | null; values: number[]; turns: number[] }>();
  for (const turn of turns) {
    const perTurn = new Map<string, number>();
    for (const s of turn.samples) {
      const key = `${s.kind}:${s.processor}`;
      let g = groups.get(key);
      if (!g) {
        g = { kind: s.kind, processor: s.processor, model: s.model, values: [], turns: [] };
        groups.set(key, g);
      }
      if (s.model) g.model = s.model;
      perTurn.set(key, isCount(s.kind) ? (perTurn.get(key) ?? 0) + s.value : s.value);
    }
    for (const [key, value] of perTurn) {
      const g = groups.get(key);
      g?.values.push(value);
      g?.turns.push(turn.index);
    }
  }
  return [...groups.entries()].map(([key, g]) => ({
    key,
    ...g,
    last: g.values[g.values.length - 1] as number,
    median: median(g.values),
    p95: percentile(g.values, 95),
  }));
}
