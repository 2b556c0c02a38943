import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { belowFrameClock, currentThreadId, lowerBelowFrameClock } from "../../example-app/server/background.js";

/** /proc/<id>/stat field 41: the scheduling policy (0 normal, 5 SCHED_IDLE). */
function policy(id: number): number {
  const stat = readFileSync(`/proc/${id}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[41 - 3]);
}

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
