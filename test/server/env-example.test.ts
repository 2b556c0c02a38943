import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../example-app/", import.meta.url).pathname;
/** Read from the environment but not the server's to configure. */
const NOT_SETTINGS = new Set(["PATH"]);

const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mjs|sh)$/.test(f))
    .map((f) => join(dir, f));

describe("example-app/.env.example", () => {
  it("documents every variable the server and its scripts read", () => {
    const read = new Set<string>();
    for (const file of [...sources(join(ROOT, "server")), ...sources(join(ROOT, "scripts"))]) {
      for (const m of readFileSync(file, "utf8").matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[["']([A-Z][A-Z0-9_]+)["']\])/g)) read.add(m[1] ?? m[2]!);
    }
    for (const n of NOT_SETTINGS) read.delete(n);
    // The scan itself must find what it is there to find.
    expect(read).toContain("LOWER_HELPER_THREADS");
    expect(read).toContain("GEMINI_API_KEY");
    const documented = new Set([...readFileSync(join(ROOT, ".env.example"), "utf8").matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    expect([...read].filter((n) => !documented.has(n)).sort()).toEqual([]);
  });
});
