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
export function startWorker(here: string, entry: string, workerData: unknown): Worker {
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
