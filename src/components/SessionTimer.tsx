import { forwardRef, type HTMLAttributes } from "react";
import { useSessionTimer, type UseSessionTimerOptions } from "../hooks/useSessionTimer";
import { cx, VISUALLY_HIDDEN, withDefaults } from "./dom";

/** The wording of {@link SessionTimer}; each falls back to English. */
export interface SessionTimerLabels {
  /** Read before the time by screen readers. Default "Call duration". */
  label?: string;
  /** A number of seconds as text. Default `m:ss`, or `h:mm:ss` from an hour. */
  format?: (sec: number) => string;
  /** The elapsed time with the limit. Default `${elapsed} / ${max}`. */
  withMax?: (elapsed: string, max: string) => string;
  /** Announced once on entering the warning state. Default `Less than ${left} left`. */
  warning?: (left: string) => string;
  /** Announced when the limit is reached. Default "Time is up". */
  expired?: string;
}

/** Props of {@link SessionTimer}; other `<span>` props go to its root. */
export interface SessionTimerProps extends Omit<HTMLAttributes<HTMLSpanElement>, "children">, UseSessionTimerOptions {
  labels?: SessionTimerLabels;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** `m:ss` under an hour, `h:mm:ss` from one. */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const DEFAULTS: Required<SessionTimerLabels> = {
  label: "Call duration",
  format: formatDuration,
  withMax: (elapsed, max) => `${elapsed} / ${max}`,
  warning: (left) => `Less than ${left} left`,
  expired: "Time is up",
};

/**
 * The call's duration as text ("1:23", or "1:23 / 5:00" with `maxDurationSec`), in a
 * `role="timer"`; `data-state` is idle / running / warning / expired / ended. Only this
 * element re-renders, once per second. Entering `warning` and `expired` is announced once
 * through a polite status region. The ref reaches the root `<span>`.
 */
export const SessionTimer = /* @__PURE__ */ forwardRef<HTMLSpanElement, SessionTimerProps>(function SessionTimer(props, ref) {
  const { maxDurationSec, warnBeforeSec = 60, onExpire, labels, className, ...rest } = props;
  const { state, elapsedSec, maxDurationSec: max } = useSessionTimer({ maxDurationSec, warnBeforeSec, onExpire });
  const w = withDefaults(DEFAULTS, labels);
  const elapsed = w.format(elapsedSec);
  const text = max === null ? elapsed : w.withMax(elapsed, w.format(max));
  const status = state === "warning" ? w.warning(w.format(warnBeforeSec)) : state === "expired" ? w.expired : "";
  return (
    <span {...rest} ref={ref} className={cx("rtvi-session-timer", className)} data-rtvi-session-timer="" data-state={state}>
      <span style={VISUALLY_HIDDEN}>{`${w.label} `}</span>
      <time role="timer" dateTime={`PT${elapsedSec}S`}>
        {text}
      </time>
      <span role="status" style={VISUALLY_HIDDEN}>
        {status}
      </span>
    </span>
  );
});
