import type { LogLevel, Logger } from "../logger.js";
import { startThread } from "../threads.js";
import type { StandIn } from "./server.js";
import type { SynthEngine } from "./synth.js";

const live = { count: 0 };
/** Stand-in threads alive in this process (leak checks: a closed server leaves none). */
export function standInThreads(): number {
  return live.count;
}

/** What the bot server needs of a stand-in that runs on its own thread. */
export type StandInHandle = Pick<StandIn, "url" | "baseUrl" | "engine" | "demo" | "close">;

export interface StandInThreadOptions {
  logger: Logger;
  engine?: SynthEngine;
  understand?: boolean;
}

/** Worker → server. */
export type FromStandIn =
  | { type: "ready"; url: string; baseUrl: string; engine: StandIn["engine"]; demo: StandIn["demo"] }
  | { type: "log"; level: LogLevel; msg: string; extra?: unknown }
  | { type: "failed"; message: string };

/** Server → worker. */
export type ToStandIn = { type: "close" };

/** workerData of the stand-in's thread. */
export interface StandInWorkerData {
  engine?: SynthEngine;
  understand?: boolean;
}

/**
 * Runs the offline stand-in on a worker thread: in production Gemini is another machine, and here
 * it should at least be another event loop. On the server's loop, its VAD, recogniser pipes, speech
 * and chunk streaming (and their garbage) sat between the calls' 20 ms frame timers: with 20 calls
 * (bench part e), 3.02 % of frames were late > 5 ms there and 0.80 % once it moved here. Speaks
 * the same WebSocket.
 */
export function startStandInThread(opts: StandInThreadOptions): Promise<StandInHandle> {
  const data: StandInWorkerData = { engine: opts.engine, understand: opts.understand };
  const { worker, stop } = startThread(import.meta.url, "./worker", data, live);
  return new Promise<StandInHandle>((resolve, reject) => {
    let started = false;
    worker.on("error", (e) => {
      if (!started) reject(e);
      else opts.logger.error("stand-in thread failed", e);
    });
    worker.once("exit", (code) => {
      if (!started) reject(new Error(`stand-in thread exited (${code}) before it listened`));
    });
    worker.on("message", (m: FromStandIn) => {
      if (m.type === "log") opts.logger[m.level](m.msg, m.extra);
      else if (m.type === "failed") reject(new Error(m.message));
      else if (m.type === "ready") {
        started = true;
        resolve({
          url: m.url,
          baseUrl: m.baseUrl,
          engine: m.engine,
          demo: m.demo,
          // A stand-in that cannot close in time is stopped: the server's close must finish.
          close: () => stop({ type: "close" } satisfies ToStandIn),
        });
      }
    });
  });
}
