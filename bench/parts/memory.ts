// Part f: JS heap and live AudioContexts after 1 and after 200 connect/disconnect cycles.
import { call, heapAfterGc, openPage } from "../lib/browser";
import type { PartResult } from "../lib/report";
import type { BenchContext } from "./context";
import { countInHeap } from "../lib/heap";

type Side = "ours" | "theirs";
const CYCLES = 200;
const SOURCE = "MediaStreamAudioSourceNode";

interface MemRun {
  heapBaseline: number;
  heapAfter1: number;
  heapAfterAll: number;
  audioAfter1: number;
  audioAfterAll: number;
  rafAfterAll: number;
  sourcesAfter1: number;
  sourcesAfterAll: number;
}

async function run(ctx: BenchContext, side: Side): Promise<MemRun> {
  const { page, cdp } = await openPage(await ctx.browser(), await ctx.bundle());
  try {
    await call(page, "memorySetup", side);
    const heapBaseline = await heapAfterGc(cdp);
    const one = await call<{ audioContexts: number; rafLoops: number }>(page, "memoryCycles", 1);
    const heapAfter1 = await heapAfterGc(cdp);
    const sourcesAfter1 = (await countInHeap(cdp, [SOURCE]))[SOURCE] ?? 0;
    const all = await call<{ audioContexts: number; rafLoops: number }>(page, "memoryCycles", CYCLES - 1);
    const heapAfterAll = await heapAfterGc(cdp);
    const sourcesAfterAll = (await countInHeap(cdp, [SOURCE]))[SOURCE] ?? 0;
    return {
      sourcesAfter1,
      sourcesAfterAll, heapBaseline, heapAfter1, heapAfterAll, audioAfter1: one.audioContexts, audioAfterAll: all.audioContexts, rafAfterAll: all.rafLoops };
  } finally {
    await page.close();
  }
}

export async function memoryPart(ctx: BenchContext): Promise<PartResult> {
  const runs = {} as Record<Side, MemRun>;
  for (const side of ["ours", "theirs"] as const) {
    runs[side] = await run(ctx, side);
    ctx.log(`f: ${side}: heap ${(runs[side].heapAfter1 / 1e6).toFixed(2)} → ${(runs[side].heapAfterAll / 1e6).toFixed(2)} MB, AudioContexts ${runs[side].audioAfter1} → ${runs[side].audioAfterAll}`);
  }
  const mb = (b: number): number => b / 1e6;
  const growth = (s: Side): number => mb(runs[s].heapAfterAll - runs[s].heapAfter1);
  return {
    id: "f",
    title: `Memory: whole UI mounted, 1 and ${CYCLES} connect/disconnect cycles on ScriptedTransport`,
    rows: [
      { metric: "JS heap after 1 cycle (after GC)", ours: mb(runs.ours.heapAfter1), theirs: mb(runs.theirs.heapAfter1), unit: "MB" },
      { metric: `JS heap after ${CYCLES} cycles (after GC)`, ours: mb(runs.ours.heapAfterAll), theirs: mb(runs.theirs.heapAfterAll), unit: "MB" },
      { metric: `heap growth, 1 → ${CYCLES} cycles`, ours: growth("ours"), theirs: growth("theirs"), unit: "MB", digits: 3 },
      { metric: "live AudioContexts after 1 cycle", ours: runs.ours.audioAfter1, theirs: runs.theirs.audioAfter1, digits: 0 },
      { metric: `live AudioContexts after ${CYCLES} cycles`, ours: runs.ours.audioAfterAll, theirs: runs.theirs.audioAfterAll, digits: 0, target: "= after 1 cycle", met: runs.ours.audioAfterAll <= runs.ours.audioAfter1 },
      { metric: "MediaStreamAudioSourceNodes alive after 1 cycle (after GC)", ours: runs.ours.sourcesAfter1, theirs: runs.theirs.sourcesAfter1, digits: 0 },
      { metric: `MediaStreamAudioSourceNodes alive after ${CYCLES} cycles (after GC)`, ours: runs.ours.sourcesAfterAll, theirs: runs.theirs.sourcesAfterAll, digits: 0, target: "= after 1 cycle (DESIGN §7: back to baseline)", met: runs.ours.sourcesAfterAll <= runs.ours.sourcesAfter1 },
      { metric: `rAF loops alive after ${CYCLES} cycles (UI still mounted, disconnected)`, ours: runs.ours.rafAfterAll, theirs: runs.theirs.rafAfterAll, digits: 0 },
    ],
    notes: [
      "A fresh page per side; one client, the whole UI of part a mounted around it; each cycle connects, plays a short exchange (bot-ready, a user line, a bot sentence), waits a frame and disconnects.",
      "Heap: CDP HeapProfiler.collectGarbage (twice) then Runtime.getHeapUsage().usedSize. AudioContexts: an init script wraps the constructor and close(); the page's own oscillator context is not counted.",
      "Source nodes: native MediaStreamAudioSourceNode objects in a CDP heap snapshot after GC (the page's own oscillators use none). The same oscillator tracks are reported on every connect, as a transport that keeps the mic track across reconnects would.",
      "Both sides keep their conversation across reconnects differently (client-react clears it on Connected), so heap growth includes what each keeps by design.",
    ],
    raw: runs,
  };
}
