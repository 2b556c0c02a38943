import type { HTMLAttributes, ReactNode } from "react";
import { useLatency } from "../hooks/useLatency";
import { cx } from "./dom";

/** Props of {@link LatencyBadge}; other `<span>` props pass through. */
export interface LatencyBadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** At or under this many ms the last turn is `good`. Default 800. */
  goodMs?: number;
  /** Over this many ms it is `slow` (between the two: `ok`). Default 1500. */
  slowMs?: number;
  /** The leading word. Default "Latency". */
  label?: string;
}

/** Which band a latency falls in, for `data-state`. */
export type LatencyState = "none" | "good" | "ok" | "slow";

/**
 * Voice-to-voice latency as plain text: "Latency 640 ms · median 700 ms", with
 * `data-state` good / ok / slow (by the last turn) for styling.
 */
export function LatencyBadge(props: LatencyBadgeProps): ReactNode {
  const { goodMs = 800, slowMs = 1500, label = "Latency", className, ...rest } = props;
  const { last, median } = useLatency();
  const state: LatencyState = last === null ? "none" : last <= goodMs ? "good" : last <= slowMs ? "ok" : "slow";
  const text = last === null ? `${label} —` : `${label} ${Math.round(last)} ms · median ${Math.round(median ?? last)} ms`;
  return (
    <span {...rest} className={cx("rtvi-latency", className)} data-rtvi-latency="" data-state={state}>
      {text}
    </span>
  );
}
