// Part d: two visualizers at 60 fps (cost per frame) and rAF loops left after mount/unmount cycles.
import { call, metrics, openPage } from "../lib/browser";
import { median, type PartResult } from "../lib/report";
import { order, type BenchContext } from "./context";

type Side = "ours" | "theirs";
const FRAMES = 300;
const CYCLES = 50;

interface FrameRun {
  frames: number;
  wallMs: number;
  rafMsPerFrame: number;
  rafCallsPerFrame: number;
  /** CDP Performance.getMetrics deltas per frame (ms). */
  taskMsPerFrame: number;
  scriptMsPerFrame: number;
}
interface CycleRun {
  rafBefore: number;
  rafAfter: number;
  audioBefore: number;
  audioAfter: number;
}

export async function visualizerPart(ctx: BenchContext): Promise<PartResult> {
  const browser = await ctx.browser();
  const bundle = await ctx.bundle();
  const runs: Record<Side, FrameRun[]> = { ours: [], theirs: [] };
  const bandRuns: Record<"bars" | "orb", FrameRun[]> = { bars: [], orb: [] };
  const { page, cdp } = await openPage(browser, bundle);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  try {
    for (let r = 0; r < ctx.rounds; r++) {
      for (const side of order(r)) {
        // Levels keep flowing for the whole window (plus warm-up), as in a call.
        await call(page, "visualizersStart", side, (FRAMES / 60) * 1000 + 3000);
        const m0 = await metrics(cdp);
        const f = await call<Omit<FrameRun, "taskMsPerFrame" | "scriptMsPerFrame">>(page, "visualizersMeasure", FRAMES);
        const m1 = await metrics(cdp);
        await call(page, "visualizersStop");
        const per = (k: string): number => (((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000) / f.frames;
        runs[side].push({ ...f, taskMsPerFrame: per("TaskDuration"), scriptMsPerFrame: per("ScriptDuration") });
      }
      ctx.log(`d: round ${r + 1}/${ctx.rounds}: task ms/frame ours ${runs.ours.at(-1)?.taskMsPerFrame.toFixed(3)}, theirs ${runs.theirs.at(-1)?.taskMsPerFrame.toFixed(3)} (rAF ${runs.ours.at(-1)?.rafMsPerFrame.toFixed(3)} / ${runs.theirs.at(-1)?.rafMsPerFrame.toFixed(3)})`);
    }
    // Ours with frequency bands (24 mel bands per visualizer, read from each track's analyser every frame), bars and orb.
    for (let r = 0; r < ctx.rounds; r++) {
      for (const variant of ["bars", "orb"] as const) {
        await call(page, "visualizersStart", "ours", (FRAMES / 60) * 1000 + 3000, variant);
        const m0 = await metrics(cdp);
        const f = await call<Omit<FrameRun, "taskMsPerFrame" | "scriptMsPerFrame">>(page, "visualizersMeasure", FRAMES);
        const m1 = await metrics(cdp);
        await call(page, "visualizersStop");
        const per = (k: string): number => (((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000) / f.frames;
        bandRuns[variant].push({ ...f, taskMsPerFrame: per("TaskDuration"), scriptMsPerFrame: per("ScriptDuration") });
      }
      ctx.log(`d: bands round ${r + 1}/${ctx.rounds}: task ms/frame bars ${bandRuns.bars.at(-1)?.taskMsPerFrame.toFixed(3)}, orb ${bandRuns.orb.at(-1)?.taskMsPerFrame.toFixed(3)} (rAF ${bandRuns.bars.at(-1)?.rafMsPerFrame.toFixed(3)} / ${bandRuns.orb.at(-1)?.rafMsPerFrame.toFixed(3)})`);
    }
  } finally {
    await page.close();
  }
  // A fresh page per side: client-react's loops never stop, they must not leak into ours.
  const cycles = {} as Record<Side, CycleRun>;
  for (const side of ["ours", "theirs"] as const) {
    const p = await openPage(browser, bundle);
    try {
      cycles[side] = await call<CycleRun>(p.page, "visualizerCycles", side, CYCLES);
    } finally {
      await p.page.close();
    }
  }
  const m = (side: Side, k: keyof FrameRun): number => median(runs[side].map((x) => x[k]));
  const mb = (variant: "bars" | "orb", k: keyof FrameRun): number => median(bandRuns[variant].map((x) => x[k]));
  const loops = (side: Side): number => cycles[side].rafAfter - cycles[side].rafBefore;
  const ctxs = (side: Side): number => cycles[side].audioAfter - cycles[side].audioBefore;
  return {
    id: "d",
    title: `Visualizer cost: two visualizers at 60 fps (${FRAMES} frames), and what ${CYCLES} mount/unmount cycles leave running`,
    rows: [
      { metric: "**main-thread task time per frame** (CDP TaskDuration: all tasks, wherever each side does its level work)", ours: m("ours", "taskMsPerFrame"), theirs: m("theirs", "taskMsPerFrame"), unit: "ms", digits: 3 },
      { metric: "**script time per frame** (CDP ScriptDuration: all JavaScript on the main thread)", ours: m("ours", "scriptMsPerFrame"), theirs: m("theirs", "scriptMsPerFrame"), unit: "ms", digits: 3 },
      { metric: "beside it: time inside rAF callbacks per frame (performance.now() wrapper; the draw loops only)", ours: m("ours", "rafMsPerFrame"), theirs: m("theirs", "rafMsPerFrame"), unit: "ms", digits: 3 },
      { metric: "**bands** (ours `bands=\"mel\"`, 24 bars, analyser per track): main-thread task time per frame", ours: mb("bars", "taskMsPerFrame"), theirs: m("theirs", "taskMsPerFrame"), unit: "ms", digits: 3 },
      { metric: "bands: script time per frame", ours: mb("bars", "scriptMsPerFrame"), theirs: m("theirs", "scriptMsPerFrame"), unit: "ms", digits: 3 },
      { metric: "bands: time inside rAF callbacks per frame", ours: mb("bars", "rafMsPerFrame"), theirs: m("theirs", "rafMsPerFrame"), unit: "ms", digits: 3 },
      { metric: "**orb** (ours `variant=\"orb\"` with 24 mel bands): main-thread task time per frame", ours: mb("orb", "taskMsPerFrame"), theirs: m("theirs", "taskMsPerFrame"), unit: "ms", digits: 3 },
      { metric: "orb: time inside rAF callbacks per frame", ours: mb("orb", "rafMsPerFrame"), theirs: m("theirs", "rafMsPerFrame"), unit: "ms", digits: 3 },
      { metric: `rAF loops alive after ${CYCLES} mount/unmount cycles`, ours: loops("ours"), theirs: loops("theirs"), digits: 0, target: "0 (DESIGN §7: back to baseline)", met: loops("ours") === 0 },
      { metric: `AudioContexts left open after ${CYCLES} cycles`, ours: ctxs("ours"), theirs: ctxs("theirs"), digits: 0, target: "0", met: ctxs("ours") <= 0 },
    ],
    notes: [
      `${ctx.rounds} rounds, sides alternating in one page; each side mounts its provider and two visualizers (local, bot) on a connected ScriptedTransport with the same oscillator tracks and 60 Hz level events. Ours draws from the level events; client-react's VoiceVisualizer analyses the tracks (it ignores level events).`,
      "Headline: CDP Performance.getMetrics deltas over the measured frames (thread-ticks clock), divided by the frame count. They cover the whole main thread, so they compare like with like although the two sides do their level work in different places: ours handles the 60 Hz level events (level channel, outside React) and draws in rAF; client-react's visualizer reads an AnalyserNode inside its rAF loop. Both include the transport's level timers, the same on both sides.",
      "Beside it: an init script wraps requestAnimationFrame and times every page rAF callback with performance.now() (the bench's own frame counter uses the native rAF). That is only the work done inside the loops, so it leaves out ours' level-event handling; it was the README figure before and is kept for comparison, not as the headline.",
      "Bands rows: ours with `bands=\"mel\"` (24 bars per visualizer): each frame reads a 2048-point AnalyserNode per track and maps its spectrum to 24 mel bands, so this is the frequency-band variant's full cost; theirs is the same client-react row as above (its visualizer always analyses the tracks).",
      `Loops: rAF callbacks still re-queued each frame after the cycles (a fresh page per side, one connected client, ${CYCLES} mounts of provider + two visualizers, 10 frames after the last unmount).`,
    ],
    raw: { runs, bandRuns, cycles },
  };
}
