// `npm test`: every check and suite, run to the end even when one fails, then one truthful
// "N passed, N failed" line (the only line of that shape) and exit 1 on any failure.
// A check (typecheck, lint, build, size) counts as one test; a vitest file that fails to load
// counts as a failure (scripts/vitest-report.mjs); a suite that writes no report counts as one.
//
// TEST_NODES: extra Node majors that also run the unit and server suites (default "22,24";
// empty to skip), fetched from the npm registry's binary packages with `npx -y node@N`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { countReport, summaryLine } from "./vitest-report.mjs";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.STORYBOOK_DISABLE_TELEMETRY ??= "1";
mkdirSync(".tmp", { recursive: true });
const extraNodes = (process.env.TEST_NODES ?? "22,24").split(",").map((s) => s.trim()).filter(Boolean);

/** @type {{ name: string, passed: number, failed: number, skipped: number, broken: string[] }[]} */
const rows = [];
const sh = (cmd, args, env = {}) => {
  console.log(`\n▶ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
};
const check = (name, cmd, args) => {
  const ok = sh(cmd, args) === 0;
  rows.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, broken: [] });
};
const vitest = (name, report, runner, args) => {
  rmSync(report, { force: true });
  sh(runner[0], [...runner.slice(1), "node_modules/vitest/vitest.mjs", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  rows.push({ name, ...countReport(report) });
};
const nodeVersion = (runner) =>
  spawnSync(runner[0], [...runner.slice(1), "--version"], { encoding: "utf8" }).stdout?.trim() || "(not available)";

check("system packages (chromium, espeak-ng, sox, fonts)", "bash", ["example-app/scripts/system-deps.sh", "--for", "test"]);
check("typecheck", "npm", ["run", "-s", "typecheck"]);
check("lint", "npm", ["run", "-s", "lint"]);
check("build", "npm", ["run", "-s", "build"]);
check("size ceilings", "npm", ["run", "-s", "size"]);
check("API report matches the build (api/*.api.md)", "node", ["scripts/check-api.mjs"]);

rmSync(".tmp/package-checks.json", { force: true });
sh("node", ["scripts/check-package.mjs", "--json", ".tmp/package-checks.json"]);
rows.push(
  existsSync(".tmp/package-checks.json")
    ? { name: "package checks", skipped: 0, broken: [], ...JSON.parse(readFileSync(".tmp/package-checks.json", "utf8")) }
    : { name: "package checks", passed: 0, failed: 1, skipped: 0, broken: ["check-package wrote no report"] },
);

const here = [process.execPath];
vitest(`unit (React 19, 18), server, e2e on Node ${process.version}`, ".tmp/vitest.json", here, []);
for (const major of extraNodes) {
  const runner = ["npx", "-y", `node@${major}`];
  vitest(`unit (React 19), server on Node ${nodeVersion(runner)}`, `.tmp/vitest-node${major}.json`, runner, ["--project", "unit", "--project", "server"]);
}
vitest("stories (Chromium, play + axe)", ".tmp/stories.json", here, ["--config", "vitest.storybook.config.ts", "--silent=passed-only"]);

console.log("\n── summary");
for (const r of rows) {
  const state = r.failed ? "FAILING" : "ok";
  console.log(`${state.padEnd(8)}${r.name}: ${r.passed} ok${r.failed ? `, ${r.failed} failing` : ""}${r.skipped ? `, ${r.skipped} skipped` : ""}`);
  for (const b of r.broken) console.log(`          failed to load: ${b}`);
}
const total = rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(summaryLine(total));
process.exit(total.failed ? 1 : 0);
