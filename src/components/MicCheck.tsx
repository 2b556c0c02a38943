import { forwardRef, useId, useRef, type CSSProperties, type HTMLAttributes } from "react";
import type { MicProblem } from "../audio/diagnoseMic";
import { useMicLevel } from "../hooks/useMicLevel";
import { useMicTest, type MicTestState, type UseMicTestOptions } from "../hooks/useMicTest";
import { cx, withDefaults } from "./dom";

/** The wording of {@link MicCheck}; each falls back to English. */
export interface MicCheckLabels {
  /** The device picker's label. Default "Microphone". */
  device?: string;
  /** The level meter's name. Default "Microphone level". */
  level?: string;
  /** Opens the microphone. Default "Test microphone". */
  start?: string;
  /** After a failure. Default "Try again". */
  retry?: string;
  /** While the browser asks. Default "Waiting for microphone access…". */
  starting?: string;
  /** While measuring. Default "Speak: the bar should move." */
  live?: string;
  /** Once a call has the microphone. Default "The call is using this microphone." */
  inCall?: string;
  /** The explanation per problem; defaults are the kit's sentences (see `useMicControl`). */
  problems?: Partial<Record<MicProblem, string>>;
}

/** Props of {@link MicCheck}; other `<div>` props go to its root. */
export interface MicCheckProps extends Omit<HTMLAttributes<HTMLDivElement>, "children">, UseMicTestOptions {
  labels?: MicCheckLabels;
}

const DEFAULTS: Required<Omit<MicCheckLabels, "problems">> = {
  device: "Microphone",
  level: "Microphone level",
  start: "Test microphone",
  retry: "Try again",
  starting: "Waiting for microphone access…",
  live: "Speak: the bar should move.",
  inCall: "The call is using this microphone.",
};

const PROBLEMS: ReadonlySet<MicTestState> = new Set(["denied", "no-device", "in-use", "error"]);
// Functional, not decorative: without them the meter would show nothing. Colours and sizes are CSS variables.
const METER: CSSProperties = { position: "relative", overflow: "hidden", height: "var(--rtvi-mic-meter-height, 6px)", width: "var(--rtvi-mic-meter-width, 100%)" };
const FILL: CSSProperties = { position: "absolute", inset: 0, background: "var(--rtvi-mic-meter-color, currentColor)", transformOrigin: "0 50%", transform: "scaleX(var(--rtvi-mic-level, 0))" };

/**
 * A microphone check before joining: a device picker, a live level bar and, when the mic
 * is denied or missing, a sentence that says why. Levels go straight to the bar's style
 * (`--rtvi-mic-level`, 0..1) with no React render per reading. The microphone is released
 * on unmount and when a call starts; the chosen one carries into the call. `data-state` is
 * the test's state (idle, starting, live, in-call, denied, no-device, in-use, error).
 */
export const MicCheck = /* @__PURE__ */ forwardRef<HTMLDivElement, MicCheckProps>(function MicCheck(props, ref) {
  const { autoStart, deviceId: initial, labels, className, ...rest } = props;
  const test = useMicTest({ autoStart, deviceId: initial });
  const w = withDefaults(DEFAULTS, labels);
  const selectId = useId();
  const meterRef = useRef<HTMLDivElement>(null);
  const shown = useRef(-1);
  useMicLevel((level) => {
    const el = meterRef.current;
    if (!el) return;
    el.style.setProperty("--rtvi-mic-level", level.toFixed(3));
    // The accessible value moves in steps of 10: no flood of attribute changes.
    const pct = Math.round(level * 10) * 10;
    if (pct !== shown.current) {
      shown.current = pct;
      el.setAttribute("aria-valuenow", String(pct));
    }
  });
  const problem = PROBLEMS.has(test.state);
  const text = problem
    ? (labels?.problems?.[test.state as MicProblem] ?? test.message ?? "")
    : test.state === "starting"
      ? w.starting
      : test.state === "live"
        ? w.live
        : test.state === "in-call"
          ? w.inCall
          : "";
  return (
    <div {...rest} ref={ref} className={cx("rtvi-mic-check", className)} data-rtvi-mic-check="" data-state={test.state}>
      {test.devices.length > 0 && (
        <>
          <label htmlFor={selectId}>{w.device}</label>
          <select id={selectId} value={test.deviceId ?? ""} disabled={test.state === "in-call"} onChange={(e) => void test.selectDevice(e.currentTarget.value)}>
            {test.deviceId !== null && !test.devices.some((d) => d.deviceId === test.deviceId) && <option value={test.deviceId}>{w.device}</option>}
            {test.devices.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </>
      )}
      <div ref={meterRef} role="meter" aria-label={w.level} aria-valuemin={0} aria-valuemax={100} aria-valuenow={0} data-rtvi-mic-meter="" style={METER}>
        <div data-rtvi-mic-meter-fill="" style={FILL} />
      </div>
      <p role={problem ? "alert" : "status"} data-rtvi-mic-check-message="">
        {text}
      </p>
      {(test.state === "idle" || problem) && (
        <button type="button" data-rtvi-mic-check-start="" onClick={() => void test.start()}>
          {problem ? w.retry : w.start}
        </button>
      )}
    </div>
  );
});
