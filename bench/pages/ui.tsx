// Parts a, d and f in the page: the whole UI under level events, visualizer frames, lifecycles.
import { commits, frames, globals, levelEvents, mount, msg, newSession, resetCommits, sleep, unmount, BOT_READY, type Session, type Side } from "./common";
import { BaselineFull, OursBandVisualizers, OursFull, OursVisualizers, TheirsFull, TheirsVisualizers } from "./uis";

/** Part a's third screen: client-react with a hand-written useState level meter. */
export type FullSide = Side | "baseline";
const FULL = { ours: OursFull, theirs: TheirsFull, baseline: BaselineFull } as const;

let current: Session | null = null;

async function connected(side: FullSide, kind: "full" | "visualizers", speed: number, bands?: "bars" | "orb"): Promise<Session> {
  await stop();
  const s = newSession([{ at: 0, message: BOT_READY }], speed);
  current = s;
  const Full = FULL[side];
  const ui =
    kind === "full" ? <Full client={s.client} /> : side === "ours" ? bands ? <OursBandVisualizers client={s.client} variant={bands} /> : <OursVisualizers client={s.client} /> : <TheirsVisualizers client={s.client} />;
  await mount(ui);
  await s.client.connect();
  await s.transport.played;
  // Let connect-time renders, device lists and track seeding settle before anything is counted.
  await frames(10);
  await sleep(200);
  return s;
}

export async function stop(): Promise<void> {
  unmount();
  const s = current;
  current = null;
  if (s) await s.client.disconnect().catch(() => undefined);
}

/** Part a: React commits while mic and bot levels arrive at 60 Hz for `ms`. */
export async function levelCommits(side: FullSide, ms: number): Promise<{ commits: number; actualMs: number; levelEvents: number }> {
  const s = await connected(side, "full", 1);
  const events = levelEvents(ms);
  resetCommits();
  s.transport.play(events);
  await s.transport.played;
  await frames(3);
  const result = { commits: commits.count, actualMs: commits.actual, levelEvents: events.length };
  await stop();
  return result;
}

/** Part d, step 1: two visualizers of one side (ours optionally with frequency bands), connected, levels flowing for `ms`; warmed up. */
export async function visualizersStart(side: Side, ms: number, bands?: "bars" | "orb"): Promise<void> {
  const s = await connected(side, "visualizers", 1, bands);
  s.transport.play(levelEvents(ms));
  await frames(30);
}

/** Part d, step 2: `n` frames; time inside rAF callbacks (the visualizers' loops) per frame. */
export async function visualizersMeasure(n: number): Promise<{ frames: number; wallMs: number; rafMsPerFrame: number; rafCallsPerFrame: number }> {
  const raf = globals.__bench.raf;
  const time0 = raf.time;
  const calls0 = raf.calls;
  const t0 = performance.now();
  await frames(n);
  return { frames: n, wallMs: performance.now() - t0, rafMsPerFrame: (raf.time - time0) / n, rafCallsPerFrame: (raf.calls - calls0) / n };
}

/** Part d: rAF loops still re-queued each frame after `n` mount/unmount cycles of two visualizers. */
export async function visualizerCycles(side: Side, n: number): Promise<{ rafBefore: number; rafAfter: number; audioBefore: number; audioAfter: number }> {
  const s = await connected(side, "visualizers", Infinity);
  unmount();
  await frames(5);
  const { raf, audio } = globals.__bench;
  const rafBefore = raf.pending.size;
  const audioBefore = audio.live;
  for (let i = 0; i < n; i++) {
    await mount(side === "ours" ? <OursVisualizers client={s.client} /> : <TheirsVisualizers client={s.client} />);
    unmount();
  }
  await frames(10);
  await sleep(100);
  return { rafBefore, rafAfter: raf.pending.size, audioBefore, audioAfter: audio.live };
}

// A short exchange per connection, so every cycle exercises the transcript and both tracks.
const CYCLE_SCRIPT = [
  { at: 0, message: BOT_READY },
  { at: 5, message: msg("user-transcription", { text: "hello", final: true }) },
  { at: 10, message: msg("bot-started-speaking") },
  { at: 12, message: msg("bot-output", { text: "Hi there.", spoken: true, aggregated_by: "sentence" }) },
  { at: 20, message: msg("bot-stopped-speaking") },
];

/** Part f, step 1: the whole UI of one side mounted around a disconnected client. */
export async function memorySetup(side: Side): Promise<void> {
  await stop();
  const s = newSession(CYCLE_SCRIPT, Infinity);
  current = s;
  const Full = FULL[side];
  await mount(<Full client={s.client} />);
}

/** Part f, step 2: `n` connect/disconnect cycles; live AudioContexts afterwards (the page's own one excluded). */
export async function memoryCycles(n: number): Promise<{ audioContexts: number; rafLoops: number }> {
  const s = current;
  if (!s) throw new Error("memorySetup() first");
  for (let i = 0; i < n; i++) {
    await s.client.connect();
    await s.transport.played;
    await frames(1);
    await s.client.disconnect();
  }
  await frames(5);
  const { raf, audio } = globals.__bench;
  return { audioContexts: audio.live - 1, rafLoops: raf.pending.size };
}
