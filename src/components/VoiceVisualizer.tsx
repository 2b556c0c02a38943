import { forwardRef, useEffect, useRef, type CSSProperties, type HTMLAttributes } from "react";
import type { BandScale } from "../audio/bands";
import { useAgentState, type AgentState } from "../hooks/useAgentState";
import { useSessionState } from "../hooks/useSessionState";
import { useRTVIContext } from "../provider/context";
import { cx, useMergedRef, withDefaults } from "./dom";
import type { VisualizerVariant } from "./visualizerDraw";
import { withBands, type BandSettings } from "./visualizerBands";
import { useLevelSignal } from "./useLevelSignal";
import { startVisualizerLoop, type LevelSource, type LoopStyle, type VisualizerLoop } from "./visualizerLoop";

/** Props of {@link VoiceVisualizer}; other `<div>` props go to its root. */
export interface VoiceVisualizerProps extends Omit<HTMLAttributes<HTMLDivElement>, "children" | "role" | "color"> {
  /**
   * Whose audio: the user's mic (`user`) or the bot (default). `"local"` is the deprecated
   * name of `"user"` (it keeps `data-participant="local"`), removed in the next minor version.
   */
  participant?: "user" | "bot" | "local";
  /** Default "bars". */
  variant?: VisualizerVariant;
  /** Drives it instead of the level bus (stories, tests): a level 0..1 or a function read every frame. */
  levels?: number | (() => number);
  /**
   * Frequency bands instead of one level spread over the bars, when the participant's
   * track can be analysed (Web Audio): one band per bar, `"mel"` or `"log"` spaced over
   * 80 Hz–8 kHz. Without a track (transport levels only) the bars spread the level as
   * before. Default off.
   */
  bands?: BandScale;
  /** Drives the bands instead of the analyser (stories, tests): values 0..1, one per bar, read every frame. */
  bandLevels?: () => ArrayLike<number>;
  /** Default 5. */
  barCount?: number;
  /** Space between bars, CSS px. Default 4. */
  gap?: number;
  /** Bar corner radius, CSS px. Default: fully rounded. */
  radius?: number;
  /** Bar height at silence, as a fraction of the height (0..1). Default 0.12. */
  minBarHeight?: number;
  /** Bar height at full level, as a fraction of the height (0..1). Default 1. */
  maxBarHeight?: number;
  /** Bar colour; sets `--rtvi-visualizer-color`, which is otherwise taken from CSS (then `currentColor`). */
  color?: string;
  /** Colour while not connected; sets `--rtvi-visualizer-idle-color`. */
  idleColor?: string;
  /** The accessible name per agent state ("Bot is speaking", "Listening"...); missing ones fall back to English. */
  labels?: VoiceVisualizerLabels;
  /** @deprecated Use `labels`. A fixed accessible name, or one per state. */
  label?: string | ((state: AgentState) => string);
}

/**
 * The accessible name of {@link VoiceVisualizer} per agent state, and `noSignal`: when given,
 * added to it while connected with no level source for this side (no track, no transport level
 * events; `data-signal="none"` says so either way).
 */
export type VoiceVisualizerLabels = Partial<Record<AgentState | "noSignal", string>>;

const STATE_LABELS: Record<AgentState, string> = {
  disconnected: "Not connected",
  connecting: "Connecting",
  reconnecting: "Reconnecting",
  listening: "Listening",
  thinking: "Bot is thinking",
  speaking: "Bot is speaking",
  error: "Connection error",
};

const CANVAS_STYLE: CSSProperties = { display: "block", width: "100%", height: "100%" };

/**
 * Audio levels on a canvas, for the mic or the bot. Levels come from the level bus and go
 * straight to the canvas in one `requestAnimationFrame` loop: they never cause a React
 * render. The loop stops on unmount, while the page is hidden or the canvas off screen,
 * and when the bars are at rest; `prefers-reduced-motion` gets calm, stepped bars with no
 * animation. `role="img"` with a label that tells the agent's state. The ref reaches the root.
 */
export const VoiceVisualizer = /* @__PURE__ */ forwardRef<HTMLDivElement, VoiceVisualizerProps>(function VoiceVisualizer(props, ref) {
  const { participant = "bot", variant = "bars", levels, bands, bandLevels, barCount = 5, gap = 4, radius, minBarHeight = 0.12, maxBarHeight = 1, color, idleColor, label, labels, className, style, ...rest } = props;
  const { session } = useRTVIContext("VoiceVisualizer");
  const agent = useAgentState();
  const meterSide = participant === "bot" ? "bot" : "local";
  const channel = meterSide === "local" ? session.levels.mic : session.levels.bot;
  const rootRef = useRef<HTMLDivElement>(null);
  const mergedRef = useMergedRef(rootRef, ref);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const loopRef = useRef<VisualizerLoop | null>(null);

  const track = useSessionState((s) => (meterSide === "local" ? s.localTrack : s.botTrack), "VoiceVisualizer");
  const given = levels !== undefined;
  const disconnected = agent === "disconnected" || agent === "error";
  // No track and no transport levels (WebSocketTransport's bot): idle bars and data-signal="none", not frozen ones.
  const fromBus = !disconnected && !given && bandLevels === undefined;
  const hasSignal = useLevelSignal(channel, track, fromBus);
  const noSignal = fromBus && !hasSignal;
  const idle = disconnected || noSignal;
  const loopStyle: LoopStyle = { variant, gap, radius: radius ?? null, minBar: clamp01(minBarHeight), maxBar: clamp01(maxBarHeight), idle };
  const styleRef = useRef(loopStyle);
  const levelsRef = useRef(levels);
  const bandsRef = useRef<BandSettings>({ scale: bands, levels: bandLevels, meters: session.meters, participant: meterSide });
  useEffect(() => {
    bandsRef.current = { scale: bands, levels: bandLevels, meters: session.meters, participant: meterSide };
    loopRef.current?.wake();
  }, [bands, bandLevels, session, meterSide]);
  useEffect(() => {
    styleRef.current = loopStyle;
    levelsRef.current = levels;
    loopRef.current?.wake(true);
    // loopStyle is rebuilt each render; its fields are the real dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [variant, gap, radius, minBarHeight, maxBarHeight, idle, color, idleColor, levels]);

  const count = Math.max(1, Math.min(256, Math.round(barCount)));
  useEffect(() => {
    const root = rootRef.current;
    const canvas = canvasRef.current;
    if (!root || !canvas) return;
    const source: LevelSource = given
      ? {
          get: () => {
            const l = levelsRef.current;
            return typeof l === "function" ? l() : (l ?? 0);
          },
          // A fixed number only changes through props (the effect above wakes the loop).
          subscribe: typeof levelsRef.current === "function" ? undefined : () => () => undefined,
        }
      : { get: channel.get, subscribe: (wake) => channel.subscribe(wake) };
    const loop = startVisualizerLoop(root, canvas, count, withBands(source, () => bandsRef.current), () => styleRef.current);
    loopRef.current = loop;
    return () => {
      loop.dispose();
      loopRef.current = null;
    };
  }, [channel, count, given, typeof levels === "function", bandLevels !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps

  const stateText = typeof label === "function" ? label(agent) : (label ?? withDefaults(STATE_LABELS, labels)[agent]);
  const text = noSignal && labels?.noSignal ? `${stateText} (${labels.noSignal})` : stateText;
  const vars = { width: "var(--rtvi-visualizer-width, 120px)", height: "var(--rtvi-visualizer-height, 48px)", "--rtvi-visualizer-color": color, "--rtvi-visualizer-idle-color": idleColor } as CSSProperties;
  return (
    <div
      {...rest}
      ref={mergedRef}
      role="img"
      aria-label={text}
      className={cx("rtvi-visualizer", className)}
      style={{ ...vars, ...style }}
      data-rtvi-visualizer=""
      data-state={agent}
      data-variant={variant}
      data-bands={bands}
      data-participant={participant}
      data-signal={noSignal ? "none" : undefined}
    >
      <canvas ref={canvasRef} aria-hidden="true" style={CANVAS_STYLE} />
    </div>
  );
});

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
