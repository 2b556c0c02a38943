/** The stand-in's thread (see thread.ts): starts it, forwards its log, closes it on request. */
import { parentPort, workerData } from "node:worker_threads";
import { currentThreadId, lowerBelowFrameClock } from "../background.js";
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

// This thread only, below the server's: the stand-in streams audio ahead of real time and can wait
// a few ms for a core; the calls' frame timers cannot.
void lowerBelowFrameClock(currentThreadId(), { nice: 5 });
try {
  const standIn = await startStandIn({ host: "127.0.0.1", port: 0, logger: logger(), engine: data.engine, understand: data.understand });
  port.on("message", (m: ToStandIn) => {
    if (m.type !== "close") return;
    // Closing the port lets the thread's loop run dry: the server sees it exit.
    void standIn.close().finally(() => port.close());
  });
  post({ type: "ready", url: standIn.url, baseUrl: standIn.baseUrl, engine: standIn.engine, demo: standIn.demo });
} catch (e) {
  post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
}
