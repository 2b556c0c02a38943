import { useCallback, useEffect, useId, useRef, type PointerEvent, type MouseEvent, type RefCallback } from "react";
import { MIC_PROBLEM_MESSAGES, type MicProblem } from "../audio/diagnoseMic";
import { MUTED_BY_BOT_MESSAGE, useMicControl } from "../hooks/useMicControl";
import { useMicLevel } from "../hooks/useMicLevel";
import { useTransportState } from "../hooks/useTransportState";
import { useRTVIClient } from "../provider/useRTVIClient";
import type { MicStatus } from "../store/sessionState";
import { flag, ignore, withDefaults } from "./dom";
import { usePushToTalk } from "./usePushToTalk";

/** Every string a mic toggle shows. Leave a key out to keep its English default. */
export interface MicToggleLabels {
  /** The toggle's name (its pressed state says whether it is muted). Default "Mute". */
  readonly mute: string;
  /** The push-to-talk button's name. Default "Push to talk". */
  readonly pushToTalk: string;
  /** Said while the bot has muted the user. */
  readonly mutedByBot: string;
  /** Said when the microphone is blocked, missing, busy or broken, per problem. */
  readonly problems: Readonly<Record<MicProblem, string>>;
}

/** The labels of {@link MicToggleLabels} as a `labels` prop takes them: each key optional, `problems` per key too. */
export type MicToggleLabelsInput = { readonly [K in Exclude<keyof MicToggleLabels, "problems">]?: MicToggleLabels[K] } & {
  readonly problems?: Partial<Record<MicProblem, string>>;
};

const DEFAULT_LABELS: Omit<MicToggleLabels, "problems"> = { mute: "Mute", pushToTalk: "Push to talk", mutedByBot: MUTED_BY_BOT_MESSAGE };

/** Options of {@link useMicToggle}. */
export interface UseMicToggleOptions {
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
  labels?: MicToggleLabelsInput;
}

/** The props {@link useMicToggle} puts on the button (or the `asChild` element). */
export interface MicToggleButtonProps {
  readonly type: "button";
  readonly ref: RefCallback<HTMLElement>;
  /** Pressed = muted (toggle mode) or talking (push-to-talk). */
  readonly "aria-pressed": boolean;
  /** While the bot has muted the user: the button cannot unmute. */
  readonly "aria-disabled": true | undefined;
  /** Points at the notice (`noticeId`) while there is one. */
  readonly "aria-describedby": string | undefined;
  readonly "data-rtvi-mic-toggle": "";
  readonly "data-state": "muted" | "unmuted";
  readonly "data-mode": "toggle" | "push-to-talk";
  readonly "data-talking": "" | undefined;
  readonly "data-rtvi-mic-status": MicStatus;
  readonly "data-problem": "" | undefined;
  readonly "data-muted-by-bot": "" | undefined;
  readonly onClick: (event: MouseEvent<HTMLElement>) => void;
  readonly onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerUp: () => void;
  readonly onPointerLeave: () => void;
  readonly onPointerCancel: () => void;
}

/** Result of {@link useMicToggle}. */
export interface UseMicToggleResult {
  readonly muted: boolean;
  /** Push-to-talk is held. */
  readonly talking: boolean;
  readonly mode: "toggle" | "push-to-talk";
  /** What `aria-pressed` says: muted in toggle mode, talking in push-to-talk. */
  readonly pressed: boolean;
  readonly status: MicStatus;
  /** The microphone problem in words (from `labels.problems`), or null. */
  readonly problem: string | null;
  /** The bot muted the user server-side; the toggle cannot unmute meanwhile. */
  readonly mutedByBot: boolean;
  /** The button's name for this mode. */
  readonly label: string;
  /** What to show beside the button: the bot's mute (it outranks a device problem), the problem, or null. */
  readonly notice: string | null;
  /** The id to give the element that shows `notice`. */
  readonly noticeId: string;
  /** Mutes or unmutes (toggle mode; a no-op in push-to-talk and while muted by the bot). */
  readonly toggle: () => void;
  /** Spread on the button. Its `ref` also receives the level as `--rtvi-mic-level` unless `meterRef` is used. */
  readonly buttonProps: MicToggleButtonProps;
  /** Put on an element to receive the live level as `--rtvi-mic-level` (0..1) instead of the button; no re-render per level. */
  readonly meterRef: RefCallback<HTMLElement>;
}

/**
 * Headless mic toggle: mute state (controlled or not, with `defaultMuted` applied when the
 * client appears and again once connected), push-to-talk on a key or a held pointer, the
 * bot's server-side mute, the mic problem in words, and the live level written as a CSS
 * variable without re-rendering React.
 */
export function useMicToggle(options: UseMicToggleOptions = {}): UseMicToggleResult {
  const { mode = "toggle", muted: mutedProp, defaultMuted, onMutedChange, pushToTalkKey, labels } = options;
  const { muted: clientMuted, status, mutedByBot, setMuted } = useMicControl();
  const client = useRTVIClient();
  const ready = useTransportState() === "ready";
  const ptt = mode === "push-to-talk";
  const controlled = mutedProp !== undefined && !ptt;
  const muted = controlled ? mutedProp : clientMuted;
  const buttonEl = useRef<HTMLElement | null>(null);
  const meterEl = useRef<HTMLElement | null>(null);
  const noticeId = useId();
  const text = withDefaults(DEFAULT_LABELS, labels);
  const problem = status === "unknown" || status === "granted" ? null : (labels?.problems?.[status] ?? MIC_PROBLEM_MESSAGES[status]);

  useMicLevel(
    useCallback((level: number) => {
      (meterEl.current ?? buttonEl.current)?.style.setProperty("--rtvi-mic-level", level.toFixed(3));
    }, []),
  );

  const apply = useCallback((mute: boolean) => void setMuted(mute).catch(ignore), [setMuted]);

  // defaultMuted is applied when the client appears and again once connected, because
  // transports may reset the mic while connecting. Push-to-talk mutes on every connect.
  const appliedAt = useRef<string | null>(null);
  const talkingRef = useRef(false);
  useEffect(() => {
    if (!client) return;
    if (ptt) {
      if (!talkingRef.current) apply(true);
      return;
    }
    if (defaultMuted === undefined || controlled || appliedAt.current === "ready") return;
    const stage = ready ? "ready" : "client";
    if (appliedAt.current === stage) return;
    appliedAt.current = stage;
    apply(defaultMuted);
  }, [client, ready, ptt, defaultMuted, controlled, apply]);

  // Controlled: the prop is the truth; bring the client in line when they differ.
  useEffect(() => {
    if (controlled && client && clientMuted !== mutedProp) apply(mutedProp);
  }, [controlled, client, clientMuted, mutedProp, apply]);

  const { talking, pointerHandlers } = usePushToTalk(buttonEl, {
    enabled: ptt,
    key: pushToTalkKey,
    onTalkingChange: (on) => {
      talkingRef.current = on;
      apply(!on);
      onMutedChange?.(!on);
    },
  });

  const toggle = useCallback((): void => {
    if (ptt || mutedByBot) return;
    const next = !muted;
    onMutedChange?.(next);
    if (!controlled) apply(next);
  }, [ptt, mutedByBot, muted, onMutedChange, controlled, apply]);

  const buttonRef = useCallback((node: HTMLElement | null) => {
    buttonEl.current = node;
  }, []);
  const meterRef = useCallback((node: HTMLElement | null) => {
    meterEl.current = node;
  }, []);

  // The bot's mute is said in the same place as a device problem, and outranks it.
  const notice = mutedByBot ? text.mutedByBot : problem;
  const pressed = ptt ? talking : muted;
  return {
    muted,
    talking,
    mode,
    pressed,
    status,
    problem,
    mutedByBot,
    label: ptt ? text.pushToTalk : text.mute,
    notice,
    noticeId,
    toggle,
    meterRef,
    buttonProps: {
      type: "button",
      ref: buttonRef,
      "aria-pressed": pressed,
      "aria-disabled": mutedByBot || undefined,
      "aria-describedby": notice !== null ? noticeId : undefined,
      "data-rtvi-mic-toggle": "",
      "data-state": muted ? "muted" : "unmuted",
      "data-mode": mode,
      "data-talking": flag(ptt && talking),
      "data-rtvi-mic-status": status,
      "data-problem": flag(problem !== null),
      "data-muted-by-bot": flag(mutedByBot),
      onClick: () => toggle(),
      ...pointerHandlers,
    },
  };
}
