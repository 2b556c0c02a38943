/**
 * Flood figures for the example server's limits (issue 16), reproducible:
 *   npx tsx example-app/tools/flood.ts [--starts 10000] [--secs 6] [--gate on|off] [--json out.json]
 * The server runs in a child process (its RSS and metrics are its own); this process is the
 * attacker and the legitimate callers.
 * 1. /start flood: `--starts` POSTs from 127.0.0.1 over 50 keep-alive sockets, while another
 *    client (127.0.0.2 upwards, a few requests per address) times its own /start every 20 ms.
 * 2. Data-channel flood: call A sends send-text as fast as it can for `--secs` while call B is
 *    spoken to; the server's frame lateness is compared with a quiet window of the same length.
 *    `--gate off` runs the same with the per-call gate disabled, for contrast.
 */
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";
import { arg } from "./cli.js";

const args = process.argv.slice(2);

interface ServerReport {
  rssMB: number;
  stats: { sessions: number; pendingSessions: number; calls: number };
  metrics: { framesSent: number; framesLate: number; lateness: { p50: number; p95: number; max: number }; channelAdmitted: number; channelDropped: number };
}
type ToServer = { cmd: "report" } | { cmd: "reset" };

async function serve(gate: boolean): Promise<void> {
  const { startServer } = await import("../server/server.js");
  const server = await startServer({ port: 0, host: "127.0.0.1", geminiApiKey: "", logSink: () => undefined, ...(gate ? {} : { dcMessagesPerSec: 0, dcMaxMessageBytes: 0, dcTextPerSec: 0 }) });
  process.on("message", (m: ToServer) => {
    if (m.cmd === "reset") server.metrics.reset();
    const s = server.stats();
    process.send?.({ report: { rssMB: process.memoryUsage().rss / 2 ** 20, stats: s, metrics: s.metrics } });
  });
  process.on("disconnect", () => void server.close().then(() => process.exit(0)));
  process.send?.({ url: server.url });
}

function post(url: string, opts: { agent?: Agent; from?: string }): Promise<number> {
  return new Promise((resolve) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", agent: opts.agent ?? false, localAddress: opts.from, headers: { "content-type": "application/json", "content-length": "2" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(-1));
    req.end("{}");
  });
}

const pct = (v: number[], q: number): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const starts = Number(arg("starts", "10000"));
  const secs = Number(arg("secs", "6"));
  const gate = arg("gate", "on") !== "off";
  const child = fork(fileURLToPath(import.meta.url), ["--serve", gate ? "on" : "off"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const url = await new Promise<string>((r) => child.once("message", (m: { url: string }) => r(m.url)));
  const ask = (cmd: ToServer["cmd"]): Promise<ServerReport> =>
    new Promise((r) => {
      child.once("message", (m: { report: ServerReport }) => r(m.report));
      child.send({ cmd });
    });

  // 1. /start flood from one address, a legitimate caller from others meanwhile.
  const before = await ask("report");
  const agent = new Agent({ keepAlive: true, maxSockets: 50, localAddress: "127.0.0.1" });
  const statuses = new Map<number, number>();
  let sent = 0;
  const t0 = performance.now();
  const flood = Promise.all(
    Array.from({ length: 50 }, async () => {
      while (sent < starts) {
        sent++;
        const s = await post(`${url}/start`, { agent });
        statuses.set(s, (statuses.get(s) ?? 0) + 1);
      }
    }),
  );
  let done = false;
  void flood.then(() => (done = true));
  const legit: number[] = [];
  const legitStatus = new Map<number, number>();
  for (let i = 0; !done; i++) {
    const from = `127.0.0.${2 + Math.floor(i / 4) % 250}`;
    const t = performance.now();
    const s = await post(`${url}/start`, { from });
    legit.push(performance.now() - t);
    legitStatus.set(s, (legitStatus.get(s) ?? 0) + 1);
    await sleep(20);
  }
  await flood;
  const floodMs = performance.now() - t0;
  agent.destroy();
  const after = await ask("report");
  const startFlood = {
    requests: starts,
    floodSeconds: floodMs / 1000,
    statuses: Object.fromEntries(statuses),
    floodSessionsHeld: after.stats.pendingSessions - (legitStatus.get(200) ?? 0),
    serverRssMB: { before: before.rssMB, after: after.rssMB },
    legitimate: { n: legit.length, statuses: Object.fromEntries(legitStatus), p50Ms: pct(legit, 0.5), p99Ms: pct(legit, 0.99), maxMs: Math.max(...legit) },
  };
  console.log("/start flood:", JSON.stringify(startFlood, null, 2));

  // 2. Data-channel flood on call A while call B talks.
  const { LoopbackClient } = await import("./loopbackClient.js");
  const a = new LoopbackClient(url, { viaStart: false, decode: false, keepRtp: false });
  const b = new LoopbackClient(url, { viaStart: false, decode: false, keepRtp: false });
  await a.connect();
  await b.connect();
  await Promise.all([a.ready(), b.ready()]);
  const talk = (): NodeJS.Timeout => {
    const say = (): void => b.sendRtvi("send-text", { content: "Tell me about the weather on the coast today, please.", options: {} });
    say();
    return setInterval(say, 2500);
  };
  const window = async (floodA: boolean): Promise<ServerReport & { aSent: number; aClosed: boolean }> => {
    await ask("reset");
    const speaking = talk();
    let aSent = 0;
    let aClosed = false;
    const end = performance.now() + secs * 1000;
    while (performance.now() < end) {
      if (floodA && !aClosed) {
        try {
          for (let k = 0; k < 50; k++) {
            a.sendRtvi("send-text", { content: `flood ${aSent}`, options: {} });
            aSent++;
          }
        } catch {
          aClosed = true;
        }
        if (a.dc.readyState !== "open") aClosed = true;
      }
      await sleep(5);
    }
    clearInterval(speaking);
    const r = await ask("report");
    await sleep(3000); // let B's answer finish before the next window
    return { ...r, aSent, aClosed };
  };
  const summary = (r: ServerReport & { aSent: number; aClosed: boolean }) => ({
    framesSent: r.metrics.framesSent,
    latePct: r.metrics.framesSent ? (100 * r.metrics.framesLate) / r.metrics.framesSent : 0,
    latenessMs: r.metrics.lateness,
    aSent: r.aSent,
    admitted: r.metrics.channelAdmitted,
    dropped: r.metrics.channelDropped,
    callsAtEnd: r.stats.calls,
    aClosed: r.aClosed,
  });
  const quiet = summary(await window(false));
  const flooded = summary(await window(true));
  const dcFlood = { gate, secs, quiet, flooded };
  console.log("data-channel flood:", JSON.stringify(dcFlood, null, 2));
  await Promise.allSettled([a.close(), b.close()]);
  const json = arg("json", "");
  if (json) writeFileSync(json, JSON.stringify({ startFlood, dcFlood }, null, 2));
  child.disconnect();
}

if (args[0] === "--serve") await serve(args[1] !== "off");
else await main();
