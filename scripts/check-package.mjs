// Checks the package as users get it: pack, contents, publint, attw, a strict consumer
// type-check (bundler and node16) and a Node import that touches no browser global.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const tmp = join(root, ".tmp/pack");
const consumer = join(root, "test/consumer");
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: "pipe", encoding: "utf8", ...opts });
let failed = 0;
let passed = 0;
const step = (name, fn) => {
  try {
    const note = fn();
    passed++;
    console.log(`ok   ${name}${note ? ` — ${note}` : ""}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n${e.stdout ?? ""}${e.stderr ?? ""}${e.stdout || e.stderr ? "" : e.message}`);
  }
};

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const [{ filename, files }] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", tmp]));
const tarball = join(tmp, filename);

step("tarball holds only dist, README, LICENSE and package.json", () => {
  const extra = files.map((f) => f.path).filter((p) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(p));
  if (extra.length) throw new Error(`unexpected files: ${extra.join(", ")}`);
  return `${files.length} files`;
});
step("publint", () => run("npx", ["publint", "--strict", tarball]).trim().split("\n").pop());
step("are the types wrong (ESM-only profile)", () => {
  run("npx", ["attw", tarball, "--profile", "esm-only", "--exclude-entrypoints", "styles.css", "--format", "table-flipped"]);
  return "no problems";
});

const installed = join(consumer, "node_modules/rtvi-react-kit");
rmSync(join(consumer, "node_modules"), { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
// The README's marked code blocks are type-checked as written, so they cannot drift from the API.
step("README code blocks extracted for the consumer type-check", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/<!-- typechecked as test\/consumer\/readme\/([\w-]+\.tsx) by npm test -->\n```tsx\n([\s\S]*?)\n```/g)];
  if (blocks.length < 2) throw new Error(`expected the quick start and the components example, found ${blocks.length} marked blocks`);
  rmSync(join(consumer, "readme"), { recursive: true, force: true });
  mkdirSync(join(consumer, "readme"));
  for (const [, name, code] of blocks) writeFileSync(join(consumer, "readme", name), code + "\n");
  return blocks.map((b) => b[1]).join(", ");
});
for (const config of ["tsconfig.bundler.json", "tsconfig.node16.json", "tsconfig.react18.json"])
  step(`consumer type-checks (${config}, skipLibCheck false)`, () => run("npx", ["tsc", "-p", join(consumer, config)]));
step("README code blocks type-check (tsconfig.readme.json)", () => run("npx", ["tsc", "-p", join(consumer, "tsconfig.readme.json")]));

// Dependencies may feature-detect (`typeof window`, as Radix does); our own modules must not
// reach for a browser global while being imported.
step("importing every entry in Node: no throw, our modules touch no browser global", () =>
  run(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const touched = [];
       for (const name of ["window", "document", "navigator", "AudioContext", "requestAnimationFrame", "MediaStream", "HTMLElement"])
         Object.defineProperty(globalThis, name, { configurable: true, get() { if (new Error().stack.includes("rtvi-react-kit/dist/")) touched.push(name); return undefined; } });
       await import("rtvi-react-kit");
       await import("rtvi-react-kit/testing");
       if (touched.length) { console.error("touched: " + touched.join(", ")); process.exit(1); }`,
    ],
    { cwd: consumer },
  ),
);

step("no `any` in the public type declarations", () => {
  const hits = [];
  for (const file of ["dist/index.d.ts", "dist/testing.d.ts"]) {
    const code = readFileSync(join(root, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    for (const line of code.split("\n")) if (/\bany\b/.test(line)) hits.push(`${file}: ${line.trim()}`);
  }
  if (hits.length) throw new Error(hits.join("\n"));
});

step('built client entry starts with "use client"', () => {
  const first = run("head", ["-c", "13", join(root, "dist/index.js")]);
  if (first !== '"use client";') throw new Error(`first bytes: ${first}`);
});

// The one "N passed, N failed" line is npm test's; this script reports its counts as JSON.
const jsonAt = process.argv.indexOf("--json");
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ passed, failed }));
console.log(`package checks: ${passed} ok, ${failed} failing`);
process.exit(failed ? 1 : 0);
