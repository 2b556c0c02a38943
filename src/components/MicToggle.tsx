import { useCallback, useEffect, useId, useRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { MUTED_BY_BOT_MESSAGE, useMicControl } from "../hooks/useMicControl";
import { useMicLevel } from "../hooks/useMicLevel";
import { useTransportState } from "../hooks/useTransportState";
import { useRTVIClient } from "../provider/useRTVIClient";
import { composeHandlers, cx, flag, ignore } from "./dom";
import { usePushToTalk } from "./usePushToTalk";

/** What {@link MicToggle}'s render-prop `children` receives. */
export interface MicToggleRenderState {
  readonly muted: boolean;
  /** Push-to-talk is held. */
  readonly talking: boolean;
  readonly mode: "toggle" | "push-to-talk";
  readonly problem: string | null;
  /** The bot muted the user server-side; the button cannot unmute meanwhile. */
  readonly mutedByBot: boolean;
}

/** Props of {@link MicToggle}; other `<button>` props pass through. */
export interface MicToggleProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children"> {
  /** `toggle` (default): each click mutes or unmutes. `push-to-talk`: the mic is on only while Space or the button is held. */
  mode?: "toggle" | "push-to-talk";
  /** Controlled muted state (toggle mode); pair with `onMutedChange`. */
  muted?: boolean;
  /** Muted state to apply once the client exists (uncontrolled). */
  defaultMuted?: boolean;
  /** Called when the user mutes or unmutes (also on push-to-talk press and release). */
  onMutedChange?: (muted: boolean) => void;
  /** Push-to-talk key, as `KeyboardEvent.code`. Default "Space". */
  pushToTalkKey?: string;
  /** Visible text; default "Mute" (toggle) or "Push to talk". */
  label?: string;
  /** Show the microphone problem (no permission, no device) beside the button. Default true. */
  showProblem?: boolean;
  children?: ReactNode | ((state: MicToggleRenderState) => ReactNode);
}

/**
 * Mutes and unmutes the microphone: a toggle button with `aria-pressed` (pressed = muted,
 * or = talking in push-to-talk), a live level meter that never re-renders React (it writes
 * `--rtvi-mic-level` on `[data-slot="meter"]`), and a readable message when the mic is
 * blocked or missing.
 */
export function MicToggle(props: MicToggleProps): ReactNode {
  const { mode = "toggle", muted: mutedProp, defaultMuted, onMutedChange, pushToTalkKey, label, showProblem = true, children, className, onClick, onPointerDown, onPointerUp, onPointerLeave, onPointerCancel, ...rest } = props;
  const { enabled, status, problem, mutedByBot, setEnabled } = useMicControl();
  const client = useRTVIClient();
  const ready = useTransportState() === "ready";
  const ptt = mode === "push-to-talk";
  const controlled = mutedProp !== undefined && !ptt;
  const muted = controlled ? mutedProp : !enabled;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const meterRef = useRef<HTMLSpanElement>(null);
  const problemId = useId();

  useMicLevel(
    useCallback((level: number) => {
      meterRef.current?.style.setProperty("--rtvi-mic-level", level.toFixed(3));
    }, []),
  );

  const apply = useCallback((on: boolean) => void setEnabled(on).catch(ignore), [setEnabled]);

  // defaultMuted is applied when the client appears and again once connected, because
  // transports may reset the mic while connecting. Push-to-talk mutes on every connect.
  const appliedAt = useRef<string | null>(null);
  const talkingRef = useRef(false);
  useEffect(() => {
    if (!client) return;
    if (ptt) {
      if (!talkingRef.current) apply(false);
      return;
    }
    if (defaultMuted === undefined || controlled || appliedAt.current === "ready") return;
    const stage = ready ? "ready" : "client";
    if (appliedAt.current === stage) return;
    appliedAt.current = stage;
    apply(!defaultMuted);
  }, [client, ready, ptt, defaultMuted, controlled, apply]);

  // Controlled: the prop is the truth; bring the client in line when they differ.
  useEffect(() => {
    if (controlled && client && enabled === mutedProp) apply(!mutedProp);
  }, [controlled, client, enabled, mutedProp, apply]);

  const { talking, pointerHandlers } = usePushToTalk(buttonRef, {
    enabled: ptt,
    key: pushToTalkKey,
    onTalkingChange: (on) => {
      talkingRef.current = on;
      apply(on);
      onMutedChange?.(!on);
    },
  });

  const toggle = (): void => {
    if (ptt || mutedByBot) return;
    const next = !muted;
    onMutedChange?.(next);
    if (!controlled) apply(!next);
  };

  const pressed = ptt ? talking : muted;
  const text = label ?? (ptt ? "Push to talk" : "Mute");
  const content = typeof children === "function" ? children({ muted, talking, mode, problem, mutedByBot }) : (children ?? text);
  // The bot's mute is said in the same place as a device problem, and outranks it.
  const notice = mutedByBot ? MUTED_BY_BOT_MESSAGE : problem;
  const shown = showProblem && notice !== null;
  return (
    <>
      <button
        type="button"
        {...rest}
        ref={buttonRef}
        aria-pressed={pressed}
        aria-disabled={mutedByBot || undefined}
        aria-describedby={cx(rest["aria-describedby"], shown && problemId) || undefined}
        className={cx("rtvi-mic-toggle", className)}
        data-rtvi-mic-toggle=""
        data-state={muted ? "muted" : "unmuted"}
        data-mode={mode}
        data-talking={flag(ptt && talking)}
        data-rtvi-mic-status={status}
        data-problem={flag(problem !== null)}
        data-muted-by-bot={flag(mutedByBot)}
        onClick={composeHandlers(onClick, toggle)}
        onPointerDown={composeHandlers(onPointerDown, pointerHandlers.onPointerDown)}
        onPointerUp={composeHandlers(onPointerUp, pointerHandlers.onPointerUp)}
        onPointerLeave={composeHandlers(onPointerLeave, pointerHandlers.onPointerLeave)}
        onPointerCancel={composeHandlers(onPointerCancel, pointerHandlers.onPointerCancel)}
      >
        <span ref={meterRef} data-slot="meter" aria-hidden="true" />
        <span data-slot="label">{content}</span>
      </button>
      {shown && (
        <span id={problemId} role="status" className="rtvi-mic-problem" data-rtvi-mic-problem="" data-rtvi-mic-status={status} data-muted-by-bot={flag(mutedByBot)}>
          {notice}
        </span>
      )}
    </>
  );
}
