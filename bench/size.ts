/**
 * Size budgets for CI: `npm run size`. Bundles our entries (react, react-dom and client-js
 * external), minifies, gzips at level 9 and exits 1 when an entry is over its budget.
 * `--all` also measures the anchors (the full bench does that in part c).
 */
import { measureAll, sizeTable } from "./lib/sizes";

const all = process.argv.includes("--all");
const t0 = performance.now();
const results = await measureAll(all);
console.log(sizeTable(results));
const over = results.filter((r) => r.met === false);
console.log(`\n${results.length} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s; min+gz, 1 KB = 1000 bytes.`);
if (over.length > 0) {
  console.error(`Over budget: ${over.map((r) => r.name).join(", ")}`);
  process.exit(1);
}
