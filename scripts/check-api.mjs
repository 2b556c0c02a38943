// Guards the public surface: API Extractor reads the bundled declarations in dist/ (run
// `npm run build` first) and compares them with the committed reports api/rtvi-react-kit.api.md
// and api/testing.api.md. Exits 1 when a report differs, printing the diff, so any public change
// shows in review. `--local` rewrites the reports instead (commit them with the change).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = resolve(import.meta.dirname, "..");
const local = process.argv.includes("--local");
const entries = [
  { config: "api-extractor.json", report: "api/rtvi-react-kit.api.md", dts: "dist/index.d.ts" },
  { config: "api-extractor.testing.json", report: "api/testing.api.md", dts: "dist/testing.d.ts" },
];

let failed = 0;
for (const { config, report, dts } of entries) {
  if (!existsSync(join(root, dts))) {
    console.error(`FAIL ${report}: ${dts} is missing; run \`npm run build\` first.`);
    failed++;
    continue;
  }
  const extractorConfig = ExtractorConfig.loadFileAndPrepare(join(root, config));
  const messages = [];
  const result = Extractor.invoke(extractorConfig, {
    localBuild: local,
    showVerboseMessages: false,
    messageCallback(message) {
      // Collected and printed once per entry, so the output stays readable.
      if (message.logLevel === "warning" || message.logLevel === "error") messages.push(message.formatMessageWithLocation(root));
      message.handled = true;
    },
  });
  for (const m of messages) console.log(`     ${m}`);
  if (result.apiReportChanged && !local) {
    failed++;
    console.log(`FAIL ${report} differs from ${dts}. If the change is meant, run \`node scripts/check-api.mjs --local\` and commit the report.`);
    const temp = join(root, ".tmp/api", report.split("/").pop());
    if (existsSync(temp)) {
      try {
        execFileSync("git", ["diff", "--no-index", "--no-color", join(root, report), temp], { stdio: "inherit" });
      } catch {
        // git diff exits 1 when the files differ: the diff has been printed.
      }
    }
  } else if (!result.succeeded && result.errorCount > 0) {
    failed++;
    console.log(`FAIL ${report}: ${result.errorCount} error(s)`);
  } else {
    console.log(`ok   ${report}${local && result.apiReportChanged ? " (updated)" : ""} — ${readFileSync(join(root, report), "utf8").split("\n").length} lines`);
  }
}
process.exit(failed ? 1 : 0);
