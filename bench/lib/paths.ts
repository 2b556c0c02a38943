import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (bench/lib/../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS = resolve(ROOT, "bench/results");
