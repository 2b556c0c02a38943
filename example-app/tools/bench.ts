/**
 * Load bench: N concurrent loopback calls against the offline stand-in.
 *   npx tsx example-app/tools/bench.ts [--secs 10] [--warmup 3] [--n 1,10,20,40] [--json out.json]
 * The server runs in this process (so process.cpuUsage is the server's own cost); the werift
 * client peers run in a child process. The clients replay one pre-encoded utterance (encoding it
 * live for 40 callers cost the child more than the server spends), each from a random point of the
 * cycle, as real callers would; and the child reports what it managed to send, so a reader can tell
 * a starved client from a slow server.
 */
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { lowerBelowFrameClock } from "../server/background.js";
import { arg, messageWith } from "./cli.js";

const args = process.argv.slice(2);

/** What the child saw during the measured window. */
interface ClientReport {
  sent: number;
  expected: number;
  skipped: number;
  received: number;
  cpuPct: number;
  loopDelayMs: { p99: number; max: number };
}

type ToChild = { cmd: "mark" } | { cmd: "report" } | { cmd: "stop" };
type FromChild = { ready: true } | { report: ClientReport };

function loopDelay(h: IntervalHistogram): { p99: number; max: number } {
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

async function speech48k(): Promise<Int16Array> {
  const { Synth } = await import("../server/standin/synth.js");
  const { Resampler, floatToInt16, int16ToFloat } = await import("../server/audio/resampler.js");
  const s = await new Synth(24000).speak("Hello there, this is a test of the offline demo bot.");
  return floatToInt16(new Resampler(24000, 48000).process(int16ToFloat(s.pcm)));
}

/** Child: N callers, each looping an utterance then four seconds of silence, until told to stop. */
async function runClients(url: string, n: number): Promise<void> {
  const { LoopbackClient, encodeOpus } = await import("./loopbackClient.js");
  const utterance = await speech48k();
  const cycle = new Int16Array(utterance.length + 48000 * 4);
  cycle.set(utterance);
  const packets = encodeOpus(cycle);
  const clients = Array.from({ length: n }, () => new LoopbackClient(url, { decode: false, keepRtp: false }));
  for (let i = 0; i < n; i += 5) await Promise.all(clients.slice(i, i + 5).map((c) => c.connect()));
  await Promise.all(clients.map((c) => c.ready()));
  for (const c of clients) c.loopPackets(packets, Math.floor(Math.random() * packets.length));
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const sum = (f: (c: InstanceType<typeof LoopbackClient>) => number): number => clients.reduce((s, c) => s + f(c), 0);
  let mark = { t: performance.now(), cpu: process.cpuUsage(), sent: 0, skipped: 0, received: 0 };
  const send = (m: FromChild): void => void process.send?.(m);
  process.on("message", async (m: ToChild) => {
    if (m.cmd === "mark") {
      h.reset();
      mark = { t: performance.now(), cpu: process.cpuUsage(), sent: sum((c) => c.rtpCount), skipped: sum((c) => c.framesSkipped), received: sum((c) => c.rtpReceived) };
    } else if (m.cmd === "report") {
      const wall = performance.now() - mark.t;
      const cpu = process.cpuUsage(mark.cpu);
      send({
        report: {
          sent: sum((c) => c.rtpCount) - mark.sent,
          expected: Math.round((n * wall) / 20),
          skipped: sum((c) => c.framesSkipped) - mark.skipped,
          received: sum((c) => c.rtpReceived) - mark.received,
          cpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100,
          loopDelayMs: loopDelay(h),
        },
      });
    } else {
      await Promise.all(clients.map((c) => c.close()));
      process.exit(0);
    }
  });
  // An orphaned child would keep loading the machine for whoever benches next.
  process.on("disconnect", () => process.exit(0));
  send({ ready: true });
}

interface Row {
  n: number;
  label: string;
  cpuPerCallPct: number;
  callsPerCore: number;
  framesSent: number;
  framesSkipped: number;
  lateSharePct: number;
  latenessMs: { p50: number; p95: number };
  inLatencyMs: { mean: number; p95: number };
  outLatencyMs: { mean: number; p95: number };
  frameWorkMs: number;
  framesNotReady: number;
  serverLoopDelayMs: { p99: number; max: number };
  client: ClientReport;
  loadavg1: number;
}

/** Every bench caller comes from 127.0.0.1: the per-address limits would measure themselves. */
const UNLIMITED = { startPerMin: 0, offersPerMin: 0, candidatesPerMin: 0, maxPendingSessionsPerClient: 100_000, maxPendingSessions: 100_000 } as const;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Server = Awaited<ReturnType<typeof import("../server/server.js").startServer>>;

/** N callers against `server`, warm-up, then `secs` measured. */
async function measure(server: Server, n: number, label: string, secs: number, warmup: number): Promise<Row> {
  const child = fork(fileURLToPath(import.meta.url), ["--clients", server.url, String(n)], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  // The callers stand in for other machines: here they share the server's cores, so they run below
  // it and the figures are the server's timing, not its contest with them (their own sent/expected
  // columns show they still keep pace).
  void lowerBelowFrameClock(child.pid, { wholeProcess: true });
  const fromChild = (key: "ready" | "report"): Promise<FromChild> => messageWith<FromChild>(child, key);
  await fromChild("ready");
  // Warm-up: JIT, wasm tier-up and the synth cache settle before anything is counted.
  await sleep(warmup * 1000);
  const tell = (m: ToChild): void => void child.send(m);
  tell({ cmd: "mark" });
  server.metrics.reset();
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(secs * 1000);
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  h.disable();
  const m = server.metrics.snapshot();
  tell({ cmd: "report" });
  const { report } = (await fromChild("report")) as { report: ClientReport };
  const perCall = (cpu.user + cpu.system) / 1000 / wall / n;
  const row: Row = {
    n,
    label,
    cpuPerCallPct: perCall * 100,
    callsPerCore: 1 / perCall,
    framesSent: m.framesSent,
    framesSkipped: m.framesSkipped,
    lateSharePct: m.framesSent ? (100 * m.framesLate) / m.framesSent : 0,
    latenessMs: { p50: m.lateness.p50, p95: m.lateness.p95 },
    inLatencyMs: { mean: m.inLatency.mean, p95: m.inLatency.p95 },
    outLatencyMs: { mean: m.outLatency.mean, p95: m.outLatency.p95 },
    frameWorkMs: m.frameWorkMs.mean,
    framesNotReady: m.framesNotReady,
    serverLoopDelayMs: loopDelay(h),
    client: report,
    loadavg1: loadavg()[0]!,
  };
  tell({ cmd: "stop" });
  await new Promise((r) => child.once("exit", r));
  await server.whenIdle(30_000);
  return row;
}

async function main(): Promise<void> {
  const { startServer } = await import("../server/server.js");
  const secs = Number(arg("secs", "10"));
  const warmup = Number(arg("warmup", "3"));
  const ns = arg("n", "1,10,20,40").split(",").map(Number);
  const rows: Row[] = [];
  const server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, maxCalls: 1000, ...UNLIMITED });
  for (const n of ns) rows.push(await measure(server, n, `${n}`, secs, warmup));
  // The baseline in the same run: the same load against a server that encodes each frame in its
  // clock slot on the loop (ENCODE_AHEAD=0).
  const baseline = Number(arg("baseline", "20"));
  if (baseline > 0) {
    const slot = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, maxCalls: 1000, encodeAhead: false, ...UNLIMITED });
    rows.push(await measure(slot, baseline, `${baseline}, encoded in the slot`, secs, warmup));
    await slot.close();
  }
  await server.close();
  console.log(table(rows, secs, warmup));
  const json = arg("json", "");
  if (json) writeFileSync(json, JSON.stringify({ secs, warmup, rows }, null, 2));
}

function table(rows: Row[], secs: number, warmup: number): string {
  const f = (x: number, d = 2): string => x.toFixed(d);
  return [
    `Offline stand-in, ${warmup} s warm-up then ${secs} s measured per run, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}; server CPU only (clients in a child process).`,
    "",
    "| calls | CPU per call (% of a core) | calls per core | frames sent | late >5 ms | lateness p50 / p95 (ms) | skipped (stall) | server loop delay p99 / max (ms) | in: RTP→Gemini mean / p95 (ms) | out: Gemini chunk→RTP mean / p95 (ms) | loop time per frame sent (ms) | not encoded in time | client sent / expected (skipped) | client received | client CPU, loop delay p99 / max | load avg 1 min |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) =>
      [
        r.label,
        f(r.cpuPerCallPct),
        f(r.callsPerCore, 0),
        r.framesSent,
        `${f(r.lateSharePct)}%`,
        `${f(r.latenessMs.p50)} / ${f(r.latenessMs.p95)}`,
        r.framesSkipped,
        `${f(r.serverLoopDelayMs.p99, 1)} / ${f(r.serverLoopDelayMs.max, 1)}`,
        `${f(r.inLatencyMs.mean)} / ${f(r.inLatencyMs.p95)}`,
        `${f(r.outLatencyMs.mean)} / ${f(r.outLatencyMs.p95)}`,
        f(r.frameWorkMs, 3),
        String(r.framesNotReady),
        `${r.client.sent} / ${r.client.expected} (${r.client.skipped})`,
        r.client.received,
        `${f(r.client.cpuPct, 0)}%, ${f(r.client.loopDelayMs.p99, 1)} / ${f(r.client.loopDelayMs.max, 1)}`,
        f(r.loadavg1),
      ].join(" | "),
    ).map((l) => `| ${l} |`),
  ].join("\n");
}

// Last, so every const above is initialised before the top-level await runs.
if (args[0] === "--clients") await runClients(args[1]!, Number(args[2]));
else await main();
