// Part b: streaming bot tokens into histories of 50 to 5,000 turns, every side with the same samples.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { call, openPage } from "../lib/browser";
import { lineChartSvg } from "../lib/chart";
import { ROOT } from "../lib/paths";
import { median, percentile, type PartResult, type Row } from "../lib/report";
import type { BenchContext } from "./context";
import { topSelfTime, type HotFunction } from "../lib/profile";
import { sourceLookup } from "../lib/sourcemap";

interface Stream {
  commitMs: number[];
  paintMs: number[];
  actualMs: number[];
  commitsPerToken: number;
  turnsAfter: number;
}
/** Same names as the page's TranscriptSide. */
type Side = "ours" | "ours-all" | "theirs" | "floor-rows" | "floor-text";
const SIDES: readonly Side[] = ["ours", "ours-all", "theirs", "floor-rows", "floor-text"];
const SIZES = [50, 250, 1000, 2500, 5000] as const;
type Size = (typeof SIZES)[number];
type Key = `${Side}-${Size}`;

// The same number of tokens for every side and size: client-react + voice-ui-kit take ~90 ms a
// token at 5,000 turns, so this is what keeps a full run in minutes while the samples stay equal.
const TOKENS = 200;
const REPLY = 100;
const PAINT_EVERY = 5;
export const CHART = "docs/bench-transcript.svg";

interface RoundStat {
  commit: number;
  paint: number;
  actual: number;
  commitP95: number;
  paintP95: number;
  commitsPerToken: number;
  built: number;
  turnsAfter: number;
  setupMs: number;
  tokens: number;
  paints: number;
}

async function one(page: Page, side: Side, turns: Size, tokens = TOKENS): Promise<RoundStat> {
  const t0 = performance.now();
  const built = await call<number>(page, "transcriptSetup", side, turns);
  const setupMs = performance.now() - t0;
  const s = await call<Stream>(page, "transcriptStream", tokens, REPLY, PAINT_EVERY);
  await call(page, "transcriptTeardown");
  return {
    commit: median(s.commitMs),
    paint: median(s.paintMs),
    actual: median(s.actualMs),
    commitP95: percentile(s.commitMs, 95),
    paintP95: percentile(s.paintMs, 95),
    commitsPerToken: s.commitsPerToken,
    built,
    turnsAfter: s.turnsAfter,
    setupMs,
    tokens: s.commitMs.length,
    paints: s.paintMs.length,
  };
}

/** A CPU profile of one of our sides streaming into 5,000 turns (readable names), summarised by self time. */
async function profileOurs(ctx: BenchContext, side: Side): Promise<HotFunction[]> {
  const bundle = await ctx.bundle(true);
  const { page, cdp } = await openPage(await ctx.browser(), bundle);
  try {
    await call(page, "transcriptSetup", side, 5000);
    const profile = await withProfiler(cdp, () => call(page, "transcriptStream", 1000, REPLY, PAINT_EVERY));
    return topSelfTime(profile, 12, bundle.map ? sourceLookup(bundle.map) : undefined);
  } finally {
    await page.close();
  }
}

async function withProfiler(cdp: CDPSession, run: () => Promise<unknown>) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await run();
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.send("Profiler.disable");
  return profile;
}

const LEGEND: Record<Side, string> = {
  ours: "ours, default window (200 rows)",
  "ours-all": "ours, every row rendered",
  theirs: "client-react + voice-ui-kit",
  "floor-rows": "floor: N plain rows",
  "floor-text": "floor: one element",
};

export async function transcriptPart(ctx: BenchContext, forceProfile: boolean): Promise<PartResult> {
  const { page } = await openPage(await ctx.browser(), await ctx.bundle());
  const rounds = Object.fromEntries(SIDES.flatMap((s) => SIZES.map((n) => [`${s}-${n}`, [] as RoundStat[]]))) as Record<Key, RoundStat[]>;
  try {
    // Warm-up, not recorded: every side's code paths compiled before the first measured round,
    // so whichever goes first is not charged V8's warm-up.
    for (const side of SIDES) await one(page, side, 250, REPLY * 2);
    for (let r = 0; r < ctx.rounds; r++) {
      // Rotate who goes first at each size, so a slow stretch of the run does not always land on one side.
      const sides = SIDES.map((_, i) => SIDES[(i + r) % SIDES.length] as Side);
      for (const turns of SIZES) for (const side of sides) rounds[`${side}-${turns}`].push(await one(page, side, turns));
      const last = (k: Key): string => rounds[k].at(-1)?.commit.toFixed(3) ?? "–";
      ctx.log(`b: round ${r + 1}/${ctx.rounds}: commit ms/token at 5,000 turns: ours ${last("ours-5000")}, ours every row ${last("ours-all-5000")}, theirs ${last("theirs-5000")}, floor rows ${last("floor-rows-5000")}, floor text ${last("floor-text-5000")}`);
    }
  } finally {
    await page.close();
  }
  const med = (k: Key, f: keyof RoundStat): number | null => (rounds[k].length ? median(rounds[k].map((x) => x[f])) : null);
  const q = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b !== 0 ? a / b : null);
  const samples = `${TOKENS} tokens × ${ctx.rounds} round${ctx.rounds === 1 ? "" : "s"} per side`;
  const at = (side: Side, n: Size, f: keyof RoundStat = "commit"): number | null => med(`${side}-${n}`, f);

  const allVsFloor = q(at("ours-all", 5000), at("floor-rows", 5000));
  const ours50 = at("ours", 50);
  const ours5k = at("ours", 5000);
  const growth = q(ours5k, ours50);
  const paintGrowth = q(at("ours", 5000, "paint"), at("ours", 50, "paint"));
  const rows: Row[] = [
    { metric: `**every row rendered**: per-token commit, 5,000 turns (ours: \`windowSize={Infinity}\`; ${samples})`, ours: at("ours-all", 5000), theirs: at("theirs", 5000), floor: at("floor-rows", 5000), unit: "ms", digits: 3, target: "≤ 2× floor", met: allVsFloor !== null && allVsFloor <= 2 },
    { metric: "every row rendered: per-token commit, 50 turns", ours: at("ours-all", 50), theirs: at("theirs", 50), floor: at("floor-rows", 50), unit: "ms", digits: 3 },
    { metric: "every row rendered: time to next paint, 5,000 turns", ours: at("ours-all", 5000, "paint"), theirs: at("theirs", 5000, "paint"), floor: at("floor-rows", 5000, "paint"), unit: "ms" },
    { metric: "every row rendered: time to next paint, 50 turns", ours: at("ours-all", 50, "paint"), theirs: at("theirs", 50, "paint"), floor: at("floor-rows", 50, "paint"), unit: "ms" },
    { metric: "every row rendered: React render per token, 5,000 turns (Profiler actualDuration)", ours: at("ours-all", 5000, "actual"), theirs: at("theirs", 5000, "actual"), floor: at("floor-rows", 5000, "actual"), unit: "ms", digits: 3 },
    { metric: "ours with the default window (200 rows) vs theirs (every row): per-token commit, 50 turns", ours: ours50, theirs: at("theirs", 50), floor: at("floor-rows", 50), unit: "ms", digits: 3, target: "≤ 1 ms", met: ours50 !== null && ours50 <= 1 },
    { metric: "ours with the default window vs theirs (every row): per-token commit, 5,000 turns", ours: ours5k, theirs: at("theirs", 5000), floor: at("floor-rows", 5000), unit: "ms", digits: 3, target: "≤ 1 ms", met: ours5k !== null && ours5k <= 1 },
    { metric: "ours windowed: commit 5,000 / 50 turns (theirs, floor: every row)", ours: growth, theirs: q(at("theirs", 5000), at("theirs", 50)), floor: q(at("floor-rows", 5000), at("floor-rows", 50)), unit: "×", target: "≤ 1.3×", met: growth !== null && growth <= 1.3 },
    { metric: "ours windowed: paint 5,000 / 50 turns (theirs, floor: every row)", ours: paintGrowth, theirs: q(at("theirs", 5000, "paint"), at("theirs", 50, "paint")), floor: q(at("floor-rows", 5000, "paint"), at("floor-rows", 50, "paint")), unit: "×", target: "≤ 1.3×", met: paintGrowth !== null && paintGrowth <= 1.3 },
    { metric: "ours windowed: time to next paint, 5,000 turns", ours: at("ours", 5000, "paint"), theirs: at("theirs", 5000, "paint"), floor: at("floor-rows", 5000, "paint"), unit: "ms" },
    { metric: "commit 5,000 turns, floor of one element (no history on screen)", ours: ours5k, theirs: at("theirs", 5000), floor: at("floor-text", 5000), unit: "ms", digits: 3 },
    { metric: "history build, 5,000 turns (setup, untimed part)", ours: at("ours-all", 5000, "setupMs"), theirs: at("theirs", 5000, "setupMs"), floor: at("floor-rows", 5000, "setupMs"), unit: "ms", digits: 0 },
  ];
  const table = [
    `Per-token commit (median ms, ${samples}) by history length; the chart \`${CHART}\` plots these:`,
    "",
    `| turns | ${SIDES.map((s) => LEGEND[s]).join(" | ")} | ours every row / floor rows |`,
    `|---:|${SIDES.map(() => "---:").join("|")}|---:|`,
    ...SIZES.map((n) => `| ${n} | ${SIDES.map((s) => at(s, n)?.toFixed(3) ?? "–").join(" | ")} | ${q(at("ours-all", n), at("floor-rows", n))?.toFixed(2) ?? "–"}× |`),
  ].join("\n");
  const svg = lineChartSvg({
    title: "Per-token cost of streaming a bot reply, by conversation length",
    subtitle: `median commit per word-level bot-output, ms (log scale); ${new Date().toISOString().slice(0, 10)}, ${samples}`,
    xLabel: "turns already in the conversation (log scale)",
    yLabel: "ms per token",
    series: [
      { name: LEGEND.theirs, color: "#d62728", points: SIZES.map((n) => [n, at("theirs", n)] as const) },
      { name: LEGEND["ours-all"], color: "#1f77b4", points: SIZES.map((n) => [n, at("ours-all", n)] as const) },
      { name: LEGEND.ours, color: "#2ca02c", points: SIZES.map((n) => [n, at("ours", n)] as const) },
      { name: LEGEND["floor-rows"], color: "#555", dashed: true, points: SIZES.map((n) => [n, at("floor-rows", n)] as const) },
      { name: LEGEND["floor-text"], color: "#aaa", dashed: true, points: SIZES.map((n) => [n, at("floor-text", n)] as const) },
    ],
  });
  // Only a run with every size and every side redraws the README picture.
  const complete = SIDES.every((s) => SIZES.every((n) => at(s, n) !== null));
  if (svg && complete) writeFileSync(join(ROOT, CHART), svg);

  const profileSide: Side | null = forceProfile || (allVsFloor !== null && allVsFloor > 2) ? "ours-all" : rows.some((r) => r.met === false) ? "ours" : null;
  const hot = profileSide ? await profileOurs(ctx, profileSide) : [];
  const notes = [
    `Tokens: word-level RTVI 2.0 \`bot-output\` messages ({text, spoken: true, aggregated_by: "word"}), ${REPLY} per reply, each reply after a user turn (user-started/transcription/stopped, bot-started: injected, not timed); every side gets identical messages through \`ScriptedTransport.inject\`. History: user/bot pairs injected at full speed, then only the tokens are measured.`,
    `Samples: after one unrecorded warm-up stream per side, every side at every size streams ${TOKENS} tokens per round, ${ctx.rounds} round${ctx.rounds === 1 ? "" : "s"} (sides rotating which goes first); every ${PAINT_EVERY}th token is also a paint sample (${TOKENS / PAINT_EVERY} per round). Medians of the per-round medians; p95s in the JSON.`,
    `Commit = performance.now() around \`flushSync(() => transport.inject(token))\`: client-js dispatch, the store, React render and commit, layout effects (our scroll pinning) and passive effects. Paint = the token starts at the top of a frame (rAF) and ends in a setTimeout(0) queued there, i.e. after that frame's style, layout and paint.`,
    "Ours every row: TranscriptPanel with `windowSize={Infinity}`, the like-for-like row against the anchor, which renders every message. Ours windowed: TranscriptPanel with its defaults (the last 200 turns rendered, earlier ones behind \"Show earlier\"). Theirs: voice-ui-kit 0.14.0's `<Conversation noTextInput>` (scoped Tailwind CSS) over client-react 1.8.2's usePipecatConversation.",
    "Floors, in the same page on the same client: *N plain rows* keeps finished turns as `string[]` in useState from client-js events (a final user-transcription or a bot-stopped-speaking adds a row; memoised `<li>`s, so that list changes once per turn) and the reply being spoken in its own component, which each bot-output re-renders: one `<li>` per token; *one element* appends the current reply's words to one `<div>`. No store, no transcript engine, no scroll pinning, no styles: the least React work that shows the stream. The floor column is N plain rows at the same history length.",
  ];
  if (hot.length) notes.push(`CPU profile of ${LEGEND[profileSide as Side]} streaming 1,000 tokens into 5,000 turns (self time, top): ${hot.map((h) => `${h.name} ${h.ms.toFixed(0)} ms (${h.pct.toFixed(1)}%)`).join("; ")}.`);
  if (complete) notes.push(`Chart written to \`${CHART}\`.`);
  return { id: "b", title: `Transcript streaming: bot tokens into histories of ${SIZES.join(", ")} turns, like for like, against a floor`, rows, notes, extra: table, raw: { tokens: TOKENS, rounds, profile: hot } };
}
