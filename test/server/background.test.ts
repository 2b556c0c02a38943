import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { setPriority } from "node:os";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { belowFrameClock, currentThreadId, HELPER_NICE, lowerBelowFrameClock, lowerHelperThreads } from "../../example-app/server/background.js";
import { startServer } from "../../example-app/server/server.js";

/** Field `n` (1-based, as in proc(5)) of a /proc stat file; the command name may hold spaces. */
function statField(path: string, n: number): number {
  const stat = readFileSync(path, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[n - 3]);
}

/** /proc/<id>/stat field 41: the scheduling policy (0 normal, 5 SCHED_IDLE). */
const policy = (id: number): number => statField(`/proc/${id}/stat`, 41);
/** /proc/self/task/<id>/stat field 19: the nice value. */
const niceOf = (task: number): number => statField(`/proc/self/task/${task}/stat`, 19);

const linux = process.platform === "linux";
const kids: ChildProcess[] = [];
afterEach(() => {
  for (const k of kids.splice(0)) k.kill();
});

function started(cmd: string, args: string[]): Promise<ChildProcess> {
  const p = spawn(cmd, args, { stdio: "ignore" });
  kids.push(p);
  return new Promise((resolve, reject) => {
    p.once("spawn", () => resolve(p));
    p.once("error", reject);
  });
}

describe.skipIf(!linux)("work that can wait runs below the calls' frame clock (Linux)", () => {
  it("a command started through belowFrameClock runs under SCHED_IDLE", async () => {
    const run = belowFrameClock("sleep", ["30"]);
    expect(run.idle).toBe(true);
    const p = await started(run.cmd, run.args);
    // chrt sets the policy, then execs the command in the same process.
    await new Promise<void>((resolve) => {
      const check = (): void => (readFileSync(`/proc/${p.pid}/cmdline`, "utf8").startsWith("sleep") ? resolve() : void setImmediate(check));
      check();
    });
    expect(policy(p.pid!)).toBe(5);
  });

  it("lowers a running process, every thread of it, and leaves this one alone", async () => {
    const p = spawn(process.execPath, ["-e", "console.log('up'); setInterval(() => {}, 1000)"], { stdio: ["ignore", "pipe", "ignore"] });
    kids.push(p);
    // Node has started its helper threads by the time its script runs.
    await new Promise((resolve) => p.stdout!.once("data", resolve));
    expect(policy(p.pid!)).toBe(0);
    await lowerBelowFrameClock(p.pid, { wholeProcess: true });
    const tasks = readdirSync(`/proc/${p.pid}/task`).map(Number);
    expect(tasks.length).toBeGreaterThan(1);
    for (const t of tasks) expect(policy(t)).toBe(5);
    expect(policy(process.pid)).toBe(0);
  });

  it("names the calling thread, so a worker can lower itself without the process", () => {
    expect(currentThreadId()).toBe(process.pid);
  });
});

describe.skipIf(!linux)("the server's other threads run below its frame clock's (Linux)", () => {
  it("lowers every other thread to HELPER_NICE, leaves the kept one, never raises a lower one", async () => {
    // A thread already lower than the target, and one at the process's priority; each says its id.
    const idle = "const { parentPort } = require('node:worker_threads'); parentPort.postMessage(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()); setInterval(() => {}, 1000)";
    const lower = new Worker(idle, { eval: true });
    const normal = new Worker(idle, { eval: true });
    const tid = (w: Worker): Promise<number> => new Promise((resolve) => w.once("message", (m: string) => resolve(Number(m))));
    try {
      const [lowerTid, normalTid] = await Promise.all([tid(lower), tid(normal)]);
      setPriority(lowerTid, HELPER_NICE + 5);
      expect(niceOf(normalTid)).toBe(niceOf(process.pid));
      expect(niceOf(process.pid)).toBeLessThan(HELPER_NICE);

      const lowered = lowerHelperThreads(process.pid);
      expect(lowered).toBeGreaterThan(0);
      expect(niceOf(normalTid)).toBe(HELPER_NICE);
      expect(niceOf(lowerTid)).toBe(HELPER_NICE + 5);
      expect(niceOf(process.pid)).toBeLessThan(HELPER_NICE);
      for (const t of readdirSync("/proc/self/task").map(Number)) if (t !== process.pid) expect(niceOf(t)).toBeGreaterThanOrEqual(HELPER_NICE);
      // Nothing left to lower the second time.
      expect(lowerHelperThreads(process.pid)).toBe(0);
    } finally {
      await Promise.all([lower.terminate(), normal.terminate()]);
    }
  });

  it("startServer lowers its threads (the encoder thread among them) once they have started", async () => {
    const before = new Set(readdirSync("/proc/self/task").map(Number));
    const server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, encodeAhead: true });
    try {
      const started = readdirSync("/proc/self/task").map(Number).filter((t) => !before.has(t));
      // The stand-in's thread and the encoder thread, at least.
      expect(started.length).toBeGreaterThanOrEqual(2);
      for (const t of started) expect(niceOf(t)).toBeGreaterThanOrEqual(HELPER_NICE);
      expect(niceOf(process.pid)).toBeLessThan(HELPER_NICE);
    } finally {
      await server.close();
    }
  });
});
