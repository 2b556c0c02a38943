/**
 * Size budgets for CI: `npm run size`. Bundles our entries (react, react-dom and client-js
 * external), minifies, gzips at level 9, reports each against its DESIGN budget, and exits 1
 * when an entry grows past its CI ceiling (a regression), whether or not the budget is met.
 * `--all` also measures the anchors (the full bench does that in part c).
 */
import { measureAll, sizeTable } from "./lib/sizes";

const all = process.argv.includes("--all");
const t0 = performance.now();
const results = await measureAll(all);
console.log(sizeTable(results));
const missed = results.filter((r) => r.met === false);
if (missed.length > 0) console.log(`Over the DESIGN budget (not gating): ${missed.map((r) => r.name).join(", ")}`);
const over = results.filter((r) => r.overCeiling);
console.log(`\n${results.length} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s; min+gz, 1 KB = 1000 bytes.`);
if (over.length > 0) {
  console.error(`Over the CI ceiling: ${over.map((r) => r.name).join(", ")}`);
  process.exit(1);
}
