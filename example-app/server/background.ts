import { execFile } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { findOnPath } from "./findOnPath.js";

/**
 * Work that can wait a few ms for a core (speech synthesis, the stand-in, recognisers) runs below
 * the calls' 20 ms frame clock. On Linux that is SCHED_IDLE: measured here with two busy loops
 * beside a 20 ms timer, SCHED_IDLE loops never delayed it past 5 ms, while nice 19 loops did now
 * and then by 5–17 ms (the kernel still lets a niced task finish its slice). Elsewhere: nice.
 */
const CHRT = process.platform === "linux" ? findOnPath("chrt") : null;

/** `cmd args` as a command line that starts under SCHED_IDLE where it can (util-linux's chrt). */
export function belowFrameClock(cmd: string, args: string[]): { cmd: string; args: string[]; idle: boolean } {
  return CHRT ? { cmd: CHRT, args: ["--idle", "0", cmd, ...args], idle: true } : { cmd, args, idle: false };
}

/**
 * Lowers a running process the same way (all its threads with `wholeProcess`), or on Linux one
 * thread by its id; best effort. Threads started afterwards inherit it from their creator.
 */
export function lowerBelowFrameClock(id: number | undefined, o: { nice?: number; wholeProcess?: boolean } = {}): Promise<void> {
  if (id === undefined) return Promise.resolve();
  if (CHRT) {
    const args = ["--idle", ...(o.wholeProcess ? ["--all-tasks"] : []), "--pid", "0", String(id)];
    return new Promise((resolve) => execFile(CHRT, args, () => resolve()));
  }
  try {
    setPriority(id, o.nice ?? 19);
  } catch {
    // not permitted here: normal priority
  }
  return Promise.resolve();
}

/** The calling thread's Linux thread id (a worker's own, not the process's), or undefined. */
export function currentThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How far the server's other threads (V8's GC and compiler helpers, libuv's pool, the encoder
 * thread) sit below the thread that runs the frame clock. Not SCHED_IDLE: the encoder must still
 * beat the recognisers, which are. Measured with 20 looping calls on 2 cores: the clock thread's
 * time runnable but not running halved (1157/971 → 596/421 ms in 20 s), and so did its late frames.
 */
export const HELPER_NICE = 10;

/** /proc/<task>/stat field 19: the nice value. */
function niceOf(task: string): number {
  const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19 - 3]);
}

/**
 * Lowers every thread of this process but `keep` (the frame clock's) to HELPER_NICE, never raising
 * one already lower; Linux only, where a nice value belongs to a thread. Threads started later
 * inherit their creator's. Returns how many it lowered.
 */
export function lowerHelperThreads(keep: number | undefined): number {
  if (process.platform !== "linux" || keep === undefined) return 0;
  let lowered = 0;
  let tasks: string[];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return 0;
  }
  for (const task of tasks) {
    if (Number(task) === keep) continue;
    try {
      if (niceOf(task) >= HELPER_NICE) continue;
      setPriority(Number(task), HELPER_NICE);
      lowered++;
    } catch {
      // gone meanwhile, or not permitted: it stays where it was
    }
  }
  return lowered;
}
