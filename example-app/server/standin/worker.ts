/** The stand-in's thread (see thread.ts): starts it, forwards its log, closes it on request. */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { LogLevel, Logger } from "../logger.js";
import { startStandIn } from "./server.js";
import type { FromStandIn, StandInWorkerData, ToStandIn } from "./thread.js";

const port = parentPort!;
const data = workerData as StandInWorkerData;
const post = (m: FromStandIn): void => port.postMessage(m);

function logger(prefix = ""): Logger {
  const write = (level: LogLevel, msg: string, extra?: unknown): void => {
    try {
      post({ type: "log", level, msg: prefix + msg, extra });
    } catch {
      post({ type: "log", level, msg: prefix + msg, extra: String(extra) });
    }
  };
  return {
    debug: (m, e) => write("debug", m, e),
    info: (m, e) => write("info", m, e),
    warn: (m, e) => write("warn", m, e),
    error: (m, e) => write("error", m, e),
    // Redaction happens once, in the server's logger, which every line reaches.
    addSecret: () => undefined,
    child: (p) => logger(`${prefix}[${p}] `),
  };
}

/**
 * This thread only, below the server's: the stand-in streams audio ahead of real time and can wait
 * a few ms for a core; the calls' frame timers cannot. Linux names the thread in /proc/thread-self.
 */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (tid > 0) setPriority(tid, 5);
  } catch {
    // not Linux, or not permitted: the thread keeps the process's priority
  }
}

lowerThreadPriority();
try {
  const standIn = await startStandIn({ host: "127.0.0.1", port: 0, logger: logger(), engine: data.engine, understand: data.understand });
  port.on("message", (m: ToStandIn) => {
    if (m.type !== "close") return;
    void standIn.close().finally(() => {
      post({ type: "closed" });
      port.close();
    });
  });
  post({ type: "ready", url: standIn.url, baseUrl: standIn.baseUrl, engine: standIn.engine, demo: standIn.demo });
} catch (e) {
  post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
}
