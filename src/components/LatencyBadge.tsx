import { forwardRef, type HTMLAttributes } from "react";
import { useLatency } from "../hooks/useLatency";
import { cx, withDefaults } from "./dom";

/** The wording of {@link LatencyBadge}; each falls back to English. */
export interface LatencyBadgeLabels {
  /** The leading word. Default "Latency". */
  latency?: string;
  /** Before the median. Default "median". */
  median?: string;
  /** Shown instead of numbers before the first turn. Default "—". */
  none?: string;
  /** A duration in milliseconds (already rounded). Default `${ms} ms`. */
  ms?: (ms: number) => string;
}

/** Props of {@link LatencyBadge}; other `<span>` props pass through. */
export interface LatencyBadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** At or under this many ms the last turn is `good`. Default 800. */
  goodMs?: number;
  /** Over this many ms it is `slow` (between the two: `ok`). Default 1500. */
  slowMs?: number;
  labels?: LatencyBadgeLabels;
  /** @deprecated Use `labels.latency`. */
  label?: string;
}

/** Which band a latency falls in, for `data-state`. */
export type LatencyState = "none" | "good" | "ok" | "slow";

const DEFAULT_LABELS: Required<LatencyBadgeLabels> = { latency: "Latency", median: "median", none: "—", ms: (ms) => `${ms} ms` };

/**
 * Voice-to-voice latency as plain text: "Latency 640 ms · median 700 ms", with
 * `data-state` good / ok / slow (by the last turn) for styling. The ref reaches the `<span>`.
 */
export const LatencyBadge = /* @__PURE__ */ forwardRef<HTMLSpanElement, LatencyBadgeProps>(function LatencyBadge(props, ref) {
  const { goodMs = 800, slowMs = 1500, labels: given, label, className, ...rest } = props;
  const { last, median } = useLatency();
  const w = withDefaults(DEFAULT_LABELS, { ...given, latency: given?.latency ?? label });
  const state: LatencyState = last === null ? "none" : last <= goodMs ? "good" : last <= slowMs ? "ok" : "slow";
  const text = last === null ? `${w.latency} ${w.none}` : `${w.latency} ${w.ms(Math.round(last))} · ${w.median} ${w.ms(Math.round(median ?? last))}`;
  return (
    <span {...rest} ref={ref} className={cx("rtvi-latency", className)} data-rtvi-latency="" data-state={state}>
      {text}
    </span>
  );
});
