// Part c: bundle sizes (deterministic). The only part that can fail the run.
import { KB, measureAll, sizeTable } from "../lib/sizes";
import type { PartResult, Row } from "../lib/report";

export async function sizePart(): Promise<PartResult> {
  const results = await measureAll(true);
  const gz = (name: string): number | null => results.find((r) => r.name === name)?.gzipBytes ?? null;
  const kb = (b: number | null): number | null => (b === null ? null : b / KB);
  const ours = results.filter((r) => r.side === "ours");
  const theirsFor: Record<string, string> = {
    "whole kit (export * from src/index.ts)": "voice-ui-kit 0.14.0: { ConnectButton }",
    "provider + all hooks, no components": "client-react 1.8.2: provider + hooks",
    "useRTVIClient alone": "client-react 1.8.2: usePipecatClient alone",
  };
  const rows: Row[] = ours.map((r) => ({
    metric: `${r.name}${theirsFor[r.name] ? ` vs ${theirsFor[r.name]}` : ""}`,
    ours: kb(r.gzipBytes),
    theirs: theirsFor[r.name] ? kb(gz(theirsFor[r.name] as string)) : null,
    unit: "KB",
    target: r.budget === undefined ? undefined : `≤ ${r.budget / KB} KB`,
    met: r.met,
  }));
  rows.push({ metric: "client-react 1.8.2: export * (everything, for reference)", ours: null, theirs: kb(gz("client-react 1.8.2: export *")), unit: "KB" });
  return {
    id: "c",
    title: "Bundle size, min + gzip (esbuild, minify, esm, browser; react, react-dom, react/jsx-runtime, @pipecat-ai/client-js external; gzip -9)",
    rows,
    notes: [
      "1 KB = 1000 bytes. Our entries come from the sources (src/index.ts), tree-shaken with the package's `sideEffects`; zustand and @radix-ui/react-slider are bundled in (they are dependencies).",
      "Anchors: client-react bundles jotai; `import { ConnectButton } from \"@pipecat-ai/voice-ui-kit\"` bundles client-react, daily-js, chart.js, lucide and Radix (its index is one module, so nothing shakes off); the transports it loads with import() on demand are left external.",
    ],
    extra: sizeTable(results),
    raw: results,
    failed: results.some((r) => r.overCeiling),
  };
}
