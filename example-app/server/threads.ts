import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A worker thread running `entry` (a module next to `here`, named without its extension). The
 * server's own code runs from TypeScript through tsx, and a worker does not inherit tsx's hooks on
 * Node 20: the thread registers them itself, then loads the module. Built to JavaScript, the module
 * is loaded directly. Unref'd: the owner's close() ends it, and a forgotten owner must not keep the
 * process alive through it.
 */
function startWorker(here: string, entry: string, workerData: unknown): Worker {
  let worker: Worker;
  if (!here.endsWith(".ts")) worker = new Worker(new URL(`${entry}.js`, here), { workerData, execArgv: [] });
  else {
    const api = pathToFileURL(createRequire(fileURLToPath(here)).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
    const file = new URL(`${entry}.ts`, here).href;
    const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); });`;
    worker = new Worker(code, { eval: true, workerData, execArgv: [] });
  }
  worker.unref();
  return worker;
}

/** A started thread: `gone` resolves when it has exited, however it ended. */
export interface Thread {
  readonly worker: Worker;
  readonly gone: Promise<void>;
  /** Asks it to end with `message`; one that has not ended after 5 s is terminated. */
  stop(message: unknown): Promise<void>;
}

/** `startWorker`, counted in `live` while it runs (leak checks: a closed server leaves none). */
export function startThread(here: string, entry: string, workerData: unknown, live: { count: number }): Thread {
  const worker = startWorker(here, entry, workerData);
  live.count++;
  const gone = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      live.count--;
      resolve();
    }),
  );
  let stopping: Promise<void> | null = null;
  return {
    worker,
    gone,
    stop: (message) =>
      (stopping ??= (async () => {
        // A thread that is gone ignores the message, and `gone` has already resolved.
        worker.postMessage(message);
        const timer = setTimeout(() => void worker.terminate(), 5_000);
        await gone;
        clearTimeout(timer);
      })()),
  };
}
