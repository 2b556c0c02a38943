// Part c: bundle sizes (deterministic). The only part that can fail the run.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { breakdown, breakdownMarkdown, type Breakdown, type Candidate } from "../lib/breakdown";
import { ROOT } from "../lib/paths";
import { KB, TYPICAL_NAME, TYPICAL_OURS, measure, measureAll, providerAndHooksEntry, sizeTable, type SizeResult } from "../lib/sizes";
import type { PartResult, Row } from "../lib/report";

const PROVIDER_HOOKS = "provider + all hooks, no components";

// What in src/ runs only for some apps or only after something went wrong: the split or lazy
// candidates for the size budgets. Each is cut out of the bundle alone and the entry re-gzipped.
const CANDIDATES: Candidate[] = [
  { name: "mic diagnosis (`diagnoseMic.ts`)", when: "the microphone fails (permission, device error)", code: ["src/audio/diagnoseMic.ts"] },
  { name: "function-call turns (engine + row)", when: "the bot calls functions", code: ["src/store/transcript/functionCalls.ts", "src/components/TranscriptTurn.tsx#FunctionCall", "src/components/TranscriptTurn.tsx#formatValue"] },
  { name: "search grounding and user-llm-text annotations (engine + sources row)", when: "the LLM is search-grounded or sends user-llm-text", code: ["src/store/transcript/annotations.ts", "src/components/TranscriptTurn.tsx#Sources"] },
  { name: "track-analyser level fallback (`levelMeters.ts`, `trackMeter.ts`)", when: "the transport sends no level events (WavMediaManager, SmallWebRTC) and a meter listens", code: ["src/audio/levelMeters.ts", "src/audio/trackMeter.ts"] },
  { name: "push-to-talk (`usePushToTalk.ts`)", when: "MicToggle is used as push-to-talk", code: ["src/components/usePushToTalk.ts"] },
  { name: "circle and wave visualizer variants", when: "VoiceVisualizer variant is not the default bars", code: ["src/components/visualizerDraw.ts#drawCircle", "src/components/visualizerDraw.ts#drawWave", "src/components/visualizerDraw.ts#average"] },
  { name: "video state (`store/video.ts`)", when: "the app shows a camera or a screen share", code: ["src/store/video.ts"] },
  { name: "metrics (`store/metrics.ts`)", when: "useMetrics / MetricsPanel is mounted", code: ["src/store/metrics.ts"] },
  { name: "Radix Slot (`asChild`)", when: "a component is rendered `asChild`", code: ["node_modules/@radix-ui/react-slot/", "node_modules/@radix-ui/react-compose-refs/"] },
  { name: "all of the above together", when: "", code: [] },
];
CANDIDATES[CANDIDATES.length - 1] = { ...(CANDIDATES.at(-1) as Candidate), code: CANDIDATES.slice(0, -1).flatMap((c) => c.code) };

// The same entries from dist/ (what npm publishes), when a build is there: the issue's review
// measured those, and vite's output tree-shakes differently from the sources.
async function fromDist(): Promise<SizeResult[]> {
  if (!existsSync(join(ROOT, "dist/index.js"))) return [];
  const hooks = providerAndHooksEntry().replace(/"\.\/src\/(?:provider|hooks)\/[^"]+"/g, '"./dist/index.js"');
  return [
    await measure({ name: `${PROVIDER_HOOKS} (from dist/)`, side: "ours", source: hooks, budget: 6 * KB }),
    await measure({ name: `${TYPICAL_NAME} (from dist/)`, side: "ours", source: `export { ${TYPICAL_OURS.join(", ")} } from "./dist/index.js";`, budget: 10 * KB }),
  ];
}

export async function sizePart(): Promise<PartResult> {
  const results = await measureAll(true);
  const dist = await fromDist();
  const gz = (name: string): number | null => [...results, ...dist].find((r) => r.name === name)?.gzipBytes ?? null;
  const kb = (b: number | null): number | null => (b === null ? null : b / KB);
  const theirsFor: Record<string, string> = {
    "whole kit (export * from src/index.ts)": "voice-ui-kit 0.14.0: { ConnectButton }",
    [PROVIDER_HOOKS]: "client-react 1.8.2: provider + hooks",
    "useRTVIClient alone": "client-react 1.8.2: usePipecatClient alone",
    [TYPICAL_NAME]: `client-react 1.8.2 + voice-ui-kit 0.14.0: ${TYPICAL_NAME}`,
    [`${TYPICAL_NAME} (from dist/)`]: `client-react 1.8.2 + voice-ui-kit 0.14.0: ${TYPICAL_NAME}`,
    [`${PROVIDER_HOOKS} (from dist/)`]: "client-react 1.8.2: provider + hooks",
  };
  const rows: Row[] = [...results.filter((r) => r.side === "ours"), ...dist].map((r) => ({
    metric: `${r.name}${theirsFor[r.name] ? ` vs ${theirsFor[r.name]}` : ""}`,
    ours: kb(r.gzipBytes),
    theirs: theirsFor[r.name] ? kb(gz(theirsFor[r.name] as string)) : null,
    unit: "KB",
    target: r.budget === undefined ? undefined : `≤ ${r.budget / KB} KB`,
    met: r.met,
  }));
  rows.push({ metric: "client-react 1.8.2: export * (everything, for reference)", ours: null, theirs: kb(gz("client-react 1.8.2: export *")), unit: "KB" });

  const entry = (name: string) => results.find((r) => r.name === name);
  const breakdowns: Breakdown[] = [];
  for (const name of [PROVIDER_HOOKS, TYPICAL_NAME]) {
    const e = entry(name);
    if (e) breakdowns.push(await breakdown(e, CANDIDATES));
  }
  const typical = entry(TYPICAL_NAME);
  const distBuilt = existsSync(join(ROOT, "dist/index.js")) ? statSync(join(ROOT, "dist/index.js")).mtime.toISOString() : null;
  return {
    id: "c",
    title: "Bundle size, min + gzip (esbuild, minify, esm, browser; react, react-dom, react/jsx-runtime, @pipecat-ai/client-js external; gzip -9)",
    rows,
    notes: [
      `1 KB = 1000 bytes. Our entries come from the sources (src/index.ts), tree-shaken with the package's \`sideEffects\`; zustand and @radix-ui/react-slider are bundled in (they are dependencies). Rows marked *from dist/* bundle the built package instead (vite's output, what npm publishes), when \`dist/\` exists${distBuilt ? ` (this one built ${distBuilt}, so it may lag the sources)` : ""}.`,
      `Typical voice app: ours = ${TYPICAL_OURS.join(" + ")}; theirs = ${typical ? (results.find((r) => r.name === theirsFor[TYPICAL_NAME])?.note ?? "") : ""}.`,
      "Anchors: client-react bundles jotai; anything from `@pipecat-ai/voice-ui-kit` bundles client-react, daily-js, chart.js, lucide and Radix (its index is one module, so nothing shakes off); the transports it loads with import() on demand are left external.",
      "Breakdown below: minified bytes per module from the esbuild metafile, and per module / top-level declaration the min+gz the entry loses when that code is cut out of the bundle (located through the source map, gzipped again). Gzip is not additive: the savings overlap, so they do not sum to the total.",
    ],
    extra: [sizeTable([...results, ...dist]), ...breakdowns.map((b) => breakdownMarkdown(b))].join("\n\n"),
    raw: { results, dist, breakdowns },
    failed: results.some((r) => r.overCeiling),
  };
}
