/**
 * The benchmarks: `npm run bench [-- --only a,c] [--rounds 5] [--profile]`.
 *   a audio levels · b transcript streaming · c bundle size · d visualizers · e example server ·
 *   f memory · g voice-to-voice latency of the example · h WebRTC against WebSocket under packet loss ·
 *   i the offline demo bot (WER, intents, voice-to-voice, CPU with recognition, 20 calls)
 * Prints the date and the machine's load first and last, one Markdown section per part (ours,
 * theirs, ratio, floor, target, met?) and writes every raw number to bench/results/latest.json. Figures only: the exit code is non-zero only when part c
 * finds a size budget exceeded (or a part crashes).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { bundlePage, launch, type PageBundle } from "./lib/browser";
import { RESULTS } from "./lib/paths";
import { partMarkdown, type PartResult } from "./lib/report";
import type { BenchContext } from "./parts/context";
import { latencyPart } from "./parts/latency";
import { levelsPart } from "./parts/levels";
import { memoryPart } from "./parts/memory";
import { offlineBotPart } from "./parts/offlineBot";
import { serverPart } from "./parts/server";
import { sizePart } from "./parts/size";
import { transcriptPart } from "./parts/transcript";
import { transportsPart } from "./parts/transports";
import { visualizerPart } from "./parts/visualizer";

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const ALL = ["a", "b", "c", "d", "e", "f", "g", "h", "i"] as const;
type PartId = (typeof ALL)[number];
const only = (opt("only") ?? ALL.join(",")).split(",").map((s) => s.trim().toLowerCase());
const unknown = only.filter((p) => !(ALL as readonly string[]).includes(p));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(", ")}. Parts: ${ALL.join(", ")}.`);
  process.exit(2);
}
const rounds = Math.max(1, Number(opt("rounds") ?? 5));

let browser: Browser | null = null;
const bundles = new Map<boolean, Promise<PageBundle>>();
const started = performance.now();
const ctx: BenchContext = {
  rounds,
  browser: async () => (browser ??= await launch()),
  bundle: (names = false) => {
    if (!bundles.has(names)) bundles.set(names, bundlePage(names));
    return bundles.get(names) as Promise<PageBundle>;
  },
  log: (line) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
};

const PARTS: Record<PartId, () => Promise<PartResult>> = {
  a: () => levelsPart(ctx),
  b: () => transcriptPart(ctx, argv.includes("--profile")),
  c: () => sizePart(),
  d: () => visualizerPart(ctx),
  e: () => serverPart(ctx),
  f: () => memoryPart(ctx),
  g: () => latencyPart(ctx),
  h: () => transportsPart(ctx),
  i: () => offlineBotPart(ctx),
};

// The machine is shared: every figure is read against how busy it was. Load averages, plus the
// share of all cores busy (any process, from /proc/stat) over each part.
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(" / ");
function cpuTimes(): { busy: number; total: number } {
  const t = cpus().map((c) => c.times);
  const total = t.reduce((n, x) => n + x.user + x.nice + x.sys + x.idle + x.irq, 0);
  return { busy: total - t.reduce((n, x) => n + x.idle, 0), total };
}
const busyPct = (a: { busy: number; total: number }, b: { busy: number; total: number }): number => (b.total > a.total ? (100 * (b.busy - a.busy)) / (b.total - a.total) : 0);
const startedAt = new Date();
const cpu0 = cpuTimes();
console.log(`Bench run ${startedAt.toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? "?"}; load average (1 / 5 / 15 min) at start: ${load()}\n`);
const machine: Array<{ part: string; loadBefore: number[]; busyPct: number }> = [];

const results: PartResult[] = [];
const errors: { part: string; error: string }[] = [];
try {
  for (const id of ALL.filter((p) => only.includes(p))) {
    ctx.log(`part ${id}… (load average ${load()})`);
    const before = { load: loadavg(), cpu: cpuTimes() };
    try {
      const r = await PARTS[id]();
      results.push(r);
      const busy = busyPct(before.cpu, cpuTimes());
      machine.push({ part: id, loadBefore: before.load, busyPct: busy });
      console.log(`${partMarkdown(r)}\n\n_Part ${id}: load average ${before.load.map((l) => l.toFixed(2)).join(" / ")} before it; all cores ${busy.toFixed(0)} % busy during it (every process, the bench included)._\n`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      errors.push({ part: id, error });
      console.log(`### ${id}. failed to run\n\n\`\`\`\n${error}\n\`\`\`\n`);
    }
  }
} finally {
  await (browser as Browser | null)?.close();
}

const meta = {
  date: startedAt.toISOString(),
  loadAtEnd: loadavg(),
  busyPct: busyPct(cpu0, cpuTimes()),
  machine,
  command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
  rounds,
  seconds: (performance.now() - started) / 1000,
};
mkdirSync(RESULTS, { recursive: true });
const file = join(RESULTS, "latest.json");
writeFileSync(file, JSON.stringify({ meta, parts: results, errors }, null, 2));
console.log(`Run ${meta.date}: ${meta.cpus}, Node ${meta.node}, headless Debian Chromium; ${rounds} rounds; ${meta.seconds.toFixed(0)} s; load average at the end ${load()}, all cores ${meta.busyPct.toFixed(0)} % busy over the run. Raw numbers: ${file}`);

const sizeFailed = results.some((r) => r.failed);
if (sizeFailed) console.error("Size budget exceeded (part c).");
process.exit(errors.length > 0 || sizeFailed ? 1 : 0);
