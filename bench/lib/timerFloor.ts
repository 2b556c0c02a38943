import { spawn } from "node:child_process";

/**
 * The machine's own share of late 20 ms ticks over a window: a bare timer on the FrameClock's
 * schedule (t0 + k·20 ms) in a process of its own, at the server's priority, doing nothing else.
 * Run beside a load measurement, it tells a slow server from a noisy host (a shared VM's steal
 * shows up here as well as in the server's figures).
 */
export function timerFloor(secs: number, lateMs = 5): Promise<{ ticks: number; latePct: number }> {
  const code = `const { performance } = require("node:perf_hooks");
const t0 = performance.now(); let k = 0, late = 0;
const tick = () => { const now = performance.now(); if (now - (t0 + k * 20) > ${lateMs}) late++; k++;
  if (now - t0 < ${secs * 1000}) setTimeout(tick, Math.max(0, t0 + k * 20 - performance.now()));
  else process.stdout.write(JSON.stringify({ ticks: k, late })); };
tick();`;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.on("error", reject);
    p.on("close", () => {
      try {
        const r = JSON.parse(out) as { ticks: number; late: number };
        resolve({ ticks: r.ticks, latePct: (100 * r.late) / r.ticks });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}
