/**
 * Load bench: N concurrent loopback calls against the offline stand-in.
 *   npx tsx example-app/server/bench.ts [--secs 10] [--n 1,10,20,40] [--json out.json]
 * The server runs in this process (so process.cpuUsage is the server's own cost); the werift
 * client peers run in a child process, sending speech in real time and receiving the answers.
 */
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cpus } from "node:os";

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};

if (args[0] === "--clients") await runClients(args[1]!, Number(args[2]));
else await main();

async function speech48k(): Promise<Int16Array> {
  const { Synth } = await import("./standin/synth.js");
  const { Resampler, floatToInt16, int16ToFloat } = await import("./audio/resampler.js");
  const s = await new Synth(24000).speak("Hello there, this is a test of the offline demo bot.");
  return floatToInt16(new Resampler(24000, 48000).process(int16ToFloat(s.pcm)));
}

/** Child: N callers, each repeating an utterance then a few seconds of silence, until killed. */
async function runClients(url: string, n: number): Promise<void> {
  const { TestClient } = await import("../../test/server/helpers.js");
  const utterance = await speech48k();
  const cycle = new Int16Array(utterance.length + 48000 * 4);
  cycle.set(utterance);
  const clients = Array.from({ length: n }, () => new TestClient(url, { decode: false }));
  for (let i = 0; i < n; i += 5) await Promise.all(clients.slice(i, i + 5).map((c) => c.connect()));
  await Promise.all(clients.map((c) => c.ready()));
  // Loop the utterance forever (the client pads with silence, so repeat by restarting).
  for (const c of clients) {
    const loop = (): void => {
      c.stopAudio();
      c.startAudio(cycle);
    };
    loop();
    setInterval(loop, (cycle.length / 48000) * 1000).unref();
  }
  process.send?.({ ready: true });
  process.on("message", async () => {
    await Promise.all(clients.map((c) => c.close()));
    process.exit(0);
  });
}

interface Row {
  n: number;
  cpuPerCallPct: number;
  callsPerCore: number;
  framesSent: number;
  lateSharePct: number;
  latenessMs: { p50: number; p95: number };
  inLatencyMs: { mean: number; p95: number };
  outLatencyMs: { mean: number; p95: number };
  encodeMsPerFrame: number;
}

async function main(): Promise<void> {
  const { startServer } = await import("./server.js");
  const secs = Number(arg("secs", "10"));
  const ns = arg("n", "1,10,20,40").split(",").map(Number);
  const rows: Row[] = [];
  const server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, maxCalls: 1000 });
  for (const n of ns) {
    const child = fork(fileURLToPath(import.meta.url), ["--clients", server.url, String(n)], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`clients exited ${code}`)));
    });
    server.metrics.reset();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, secs * 1000));
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - t0;
    const m = server.metrics.snapshot();
    const cpuShare = (cpu.user + cpu.system) / 1000 / wall;
    const perCall = cpuShare / n;
    rows.push({
      n,
      cpuPerCallPct: perCall * 100,
      callsPerCore: 1 / perCall,
      framesSent: m.framesSent,
      lateSharePct: m.framesSent ? (100 * m.framesLate) / m.framesSent : 0,
      latenessMs: { p50: m.lateness.p50, p95: m.lateness.p95 },
      inLatencyMs: { mean: m.inLatency.mean, p95: m.inLatency.p95 },
      outLatencyMs: { mean: m.outLatency.mean, p95: m.outLatency.p95 },
      encodeMsPerFrame: m.encodeMs.mean,
    });
    child.send("stop");
    await new Promise((r) => child.once("exit", r));
    await server.whenIdle(30_000);
  }
  await server.close();
  const f = (x: number, d = 2): string => x.toFixed(d);
  const lines = [
    `Offline stand-in, ${secs} s per run, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}; server CPU only (clients in a child process).`,
    "",
    "| calls | CPU per call (% of a core) | calls per core (real time) | frames sent | late >5 ms | lateness p50 / p95 (ms) | in: RTP→Gemini socket mean / p95 (ms) | out: Gemini chunk→RTP mean / p95 (ms) | Opus encode per frame (ms) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.n} | ${f(r.cpuPerCallPct)} | ${f(r.callsPerCore, 0)} | ${r.framesSent} | ${f(r.lateSharePct)}% | ${f(r.latenessMs.p50)} / ${f(r.latenessMs.p95)} | ${f(r.inLatencyMs.mean)} / ${f(r.inLatencyMs.p95)} | ${f(r.outLatencyMs.mean)} / ${f(r.outLatencyMs.p95)} | ${f(r.encodeMsPerFrame, 3)} |`),
  ];
  console.log(lines.join("\n"));
  const json = arg("json", "");
  if (json) writeFileSync(json, JSON.stringify({ secs, rows }, null, 2));
}
