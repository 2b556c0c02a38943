// Counts a vitest JSON report the way a reader of the summary line expects: a test file that
// fails to load (import error, syntax error, a missing fixture) or fails in a hook outside any
// test counts as one failure, although vitest reports zero failed tests for it. A report that
// is missing (vitest crashed before writing it) counts as one failure too.
import { existsSync, readFileSync } from "node:fs";

/** @returns {{ passed: number, failed: number, skipped: number, broken: string[] }} */
export function countReport(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, broken: [`${file} (no report written)`] };
  const r = JSON.parse(readFileSync(file, "utf8"));
  let failed = r.numFailedTests ?? 0;
  const broken = [];
  for (const suite of r.testResults ?? []) {
    const anyTestFailed = (suite.assertionResults ?? []).some((t) => t.status === "failed");
    if (suite.status === "failed" && !anyTestFailed) {
      failed++;
      broken.push(`${suite.name}: ${(suite.message ?? "failed outside any test").split("\n")[0]}`);
    }
  }
  return {
    passed: r.numPassedTests ?? 0,
    failed,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    broken,
  };
}

export const summaryLine = ({ passed, failed, skipped }) =>
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
