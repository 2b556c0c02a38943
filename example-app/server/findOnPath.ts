import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The first executable `cmd` on the PATH, or null (a `which` that spawns nothing). */
export function findOnPath(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}
