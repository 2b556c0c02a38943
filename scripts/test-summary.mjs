// Prints the plain "N passed, N failed" line for one or more vitest JSON reports; exits 1 on any failure.
import { countReport, summaryLine } from "./vitest-report.mjs";

const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  const c = countReport(file);
  for (const b of c.broken) console.log(`failed to load: ${b}`);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
console.log(summaryLine(total));
process.exit(total.failed > 0 ? 1 : 0);
