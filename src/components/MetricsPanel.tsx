import { forwardRef, memo, type HTMLAttributes } from "react";
import { useMetrics } from "../hooks/useMetrics";
import type { MetricKind } from "../store/metrics";
import { isCount, type MetricSeries } from "../store/metricsStats";
import { cx, withDefaults } from "./dom";
import { Sparkline } from "./Sparkline";

/** The wording of {@link MetricsPanel}; each falls back to English. */
export interface MetricsPanelLabels {
  /** The table's caption and the panel's name. Default "Metrics". */
  title?: string;
  /** Shown before the first figure. Default "No metrics yet". */
  empty?: string;
  /** Column headers. Defaults "Metric", "Last", "Median", "p95", "Turns", "Trend". */
  metric?: string;
  last?: string;
  median?: string;
  p95?: string;
  turns?: string;
  trend?: string;
  /** The client's connect-time row. Default "Time to connect". */
  connect?: string;
  /** A name per metric kind ("TTFB", "Prompt tokens"...). */
  kinds?: Partial<Record<MetricKind, string>>;
  /** A row's name from its kind's name and processor. Default "TTFB · GeminiLive" (the client's own rows: the kind alone). */
  row?: (kind: string, processor: string) => string;
  /** A duration (ms, already rounded). Default `${ms} ms`. */
  ms?: (ms: number) => string;
  /** A count (tokens, characters). Default the number, grouped by the locale. */
  count?: (n: number) => string;
}

/** Props of {@link MetricsPanel}; other `<div>` props go to its root. */
export interface MetricsPanelProps extends Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  /** Only these kinds, in this order. Default: every kind that has figures. */
  kinds?: readonly MetricKind[];
  /** Points per sparkline (the latest exchanges). Default 30. */
  points?: number;
  labels?: MetricsPanelLabels;
}

const KIND_NAMES: Record<MetricKind, string> = {
  ttfb: "TTFB",
  processing: "Processing",
  promptTokens: "Prompt tokens",
  completionTokens: "Completion tokens",
  totalTokens: "Total tokens",
  characters: "TTS characters",
  voiceToVoice: "Voice-to-voice",
};

const DEFAULTS: Required<Omit<MetricsPanelLabels, "kinds">> = {
  title: "Metrics",
  empty: "No metrics yet",
  metric: "Metric",
  last: "Last",
  median: "Median",
  p95: "p95",
  turns: "Turns",
  trend: "Trend",
  connect: "Time to connect",
  row: (kind, processor) => `${kind} · ${processor}`,
  ms: (ms) => `${ms} ms`,
  count: (n) => n.toLocaleString(),
};

/**
 * The session's figures as a table: one row per metric and processor with its last,
 * median and 95th-percentile value over the exchanges, and a small SVG sparkline (no chart
 * library; decorative, the table carries the numbers). It re-renders only when a figure
 * arrives: a `metrics` message, a measured voice-to-voice latency or the connect time.
 * `data-state` is `empty` or `ready`; the ref reaches the root `<div>`.
 */
export const MetricsPanel = /* @__PURE__ */ memo(
  /* @__PURE__ */ forwardRef<HTMLDivElement, MetricsPanelProps>(function MetricsPanel(props, ref) {
    const { kinds, points = 30, labels, className, ...rest } = props;
    const { series, connectMs } = useMetrics();
    const w = withDefaults(DEFAULTS, labels);
    const names = withDefaults(KIND_NAMES, labels?.kinds);
    const shown = kinds ? kinds.flatMap((k) => series.filter((s) => s.kind === k)) : series;
    const empty = shown.length === 0 && connectMs === null;
    const fmt = (s: MetricSeries, v: number) => (isCount(s.kind) ? w.count(Math.round(v)) : w.ms(Math.round(v)));
    const max = Math.max(2, Math.round(points));
    return (
      <div {...rest} ref={ref} className={cx("rtvi-metrics", className)} data-rtvi-metrics="" data-state={empty ? "empty" : "ready"}>
        {empty ? (
          <p data-rtvi-metrics-empty="">{w.empty}</p>
        ) : (
          <table>
            <caption>{w.title}</caption>
            <thead>
              <tr>
                <th scope="col">{w.metric}</th>
                <th scope="col">{w.last}</th>
                <th scope="col">{w.median}</th>
                <th scope="col">{w.p95}</th>
                <th scope="col">{w.turns}</th>
                <th scope="col">{w.trend}</th>
              </tr>
            </thead>
            <tbody>
              {connectMs !== null && (
                <tr data-kind="connect">
                  <th scope="row">{w.connect}</th>
                  <td>{w.ms(Math.round(connectMs))}</td>
                  <td />
                  <td />
                  <td />
                  <td />
                </tr>
              )}
              {shown.map((s) => (
                <tr key={s.key} data-kind={s.kind} data-processor={s.processor}>
                  <th scope="row">{s.processor === "client" ? names[s.kind] : w.row(names[s.kind], s.processor)}</th>
                  <td>{fmt(s, s.last)}</td>
                  <td>{fmt(s, s.median)}</td>
                  <td>{fmt(s, s.p95)}</td>
                  <td>{s.values.length}</td>
                  <td>
                    <Sparkline values={s.values.slice(-max)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    );
  }),
);
MetricsPanel.displayName = "MetricsPanel";
