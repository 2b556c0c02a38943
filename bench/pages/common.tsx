// Shared by the bench page's parts: frames, tracks, scripts, the commit counter, mounting.
import { PipecatClient } from "@pipecat-ai/client-js";
import { Profiler, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { ScriptedTransport, type ScriptEvent, type ScriptMessage } from "../../src/testing";
import { toneTracks } from "../../test/support/toneTracks";

export type Side = "ours" | "theirs";

interface BenchGlobals {
  __bench: { raf: { pending: Set<number>; time: number; calls: number }; audio: { live: number; created: number } };
  __benchRaf: (cb: FrameRequestCallback) => number;
}
export const globals = window as unknown as BenchGlobals & Window;

/** Resolves after `n` frames, on the native rAF so the bench's own waiting is not counted as a page loop. */
export function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (k: number): void => {
      if (k <= 0) resolve();
      else globals.__benchRaf(() => step(k - 1));
    };
    step(n);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const msg = (type: string, data?: unknown): ScriptMessage => ({ label: "rtvi-ai", type, data });
export const BOT_READY = msg("bot-ready", { version: "2.1.0" });

// The page's own oscillators stand in for the mic and the bot's audio, so track-driven
// visualizers (client-react's) have something to analyse.
export { toneTracks };

/** Mic and bot levels at `hz` for `ms`: the bot half a period after the mic, as two transport callbacks would be. */
export function levelEvents(ms: number, hz = 60): ScriptEvent[] {
  const period = 1000 / hz;
  const events: ScriptEvent[] = [];
  for (let i = 0; i * period < ms; i++) {
    const at = i * period;
    events.push({ at, level: { source: "local", value: 0.45 + 0.4 * Math.sin(i / 4) } });
    events.push({ at: at + period / 2, level: { source: "bot", value: 0.5 + 0.4 * Math.cos(i / 5) } });
  }
  return events;
}

export interface Session {
  client: PipecatClient;
  transport: ScriptedTransport;
}

export function newSession(events: ScriptEvent[] = [{ at: 0, message: BOT_READY }], speed = Infinity, withTracks = true): Session {
  const transport = new ScriptedTransport({ events }, { speed, tracks: withTracks ? toneTracks() : undefined });
  const client = new PipecatClient({ transport, enableMic: true, enableCam: false });
  return { client, transport };
}

/** React commits seen by the root <Profiler>, and their summed actualDuration (ms). */
export const commits = { count: 0, actual: 0 };
export function resetCommits(): void {
  commits.count = 0;
  commits.actual = 0;
}
const onRender = (_id: string, _phase: string, actualDuration: number): void => {
  commits.count++;
  commits.actual += actualDuration;
};

let root: Root | null = null;
/** Renders `ui` under the counting <Profiler> in a fresh root (unmounting any previous one). */
export async function mount(ui: ReactNode): Promise<void> {
  unmount();
  root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <Profiler id="bench" onRender={onRender}>
      {ui}
    </Profiler>,
  );
  await frames(2);
}
export function unmount(): void {
  root?.unmount();
  root = null;
}

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
