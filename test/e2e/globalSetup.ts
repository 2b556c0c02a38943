import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM, ROOT } from "./harness";

/** Builds the example client once per run (the server serves example-app/dist). */
export default function setup(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` (the CI script does).`);
  for (const tool of ["espeak-ng", "sox"]) {
    try {
      execFileSync(tool, ["--version"], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} is missing: run \`apt-get install -y espeak-ng sox\` (the CI script does).`);
    }
  }
  if (process.env.E2E_SKIP_BUILD !== "1") execFileSync("npx", ["vite", "build", "--config", "example-app/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
}
