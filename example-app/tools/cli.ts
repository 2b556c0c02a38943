import type { ChildProcess } from "node:child_process";

/** The value after `--name` on this process's command line, or `dflt` when it is absent or empty. */
export function arg(name: string, dflt: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
}

/**
 * The next IPC message from `child` that carries `key` (a client child's "ready", "report").
 * Rejects if the child exits first, so a crashed child fails the run instead of hanging it.
 */
export function messageWith<T extends object>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMsg = (m: T): void => {
      if (key in m) {
        child.off("message", onMsg);
        resolve(m);
      }
    };
    child.on("message", onMsg);
    child.once("exit", (code) => reject(new Error(`clients exited ${code}`)));
  });
}
