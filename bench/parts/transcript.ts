// Part b: streaming bot tokens into a 50-turn and a 5,000-turn history.
import type { CDPSession, Page } from "playwright-core";
import { call, openPage } from "../lib/browser";
import { median, percentile, type PartResult, type Row } from "../lib/report";
import { order, type BenchContext } from "./context";
import { topSelfTime, type HotFunction } from "../lib/profile";
import { sourceLookup } from "../lib/sourcemap";

interface Stream {
  commitMs: number[];
  paintMs: number[];
  actualMs: number[];
  commitsPerToken: number;
  turnsAfter: number;
}
type Side = "ours" | "theirs";
type Size = 50 | 250 | 5000;
type Key = `${Side}-${Size}`;

const TOKENS = 2000;
const REPLY = 100;
const PAINT_EVERY = 10;
// client-react + voice-ui-kit take ~90 ms a token at 5,000 turns here: 2,000 tokens would be
// three minutes a round. 200 tokens give a stable median; fewer rounds keep the run short.
const THEIR_BIG_TOKENS = 200;
const THEIR_BIG_ROUNDS = 2;

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
}

async function one(page: Page, side: Side, turns: Size, tokens: number): Promise<RoundStat> {
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
  };
}

/** A CPU profile of ours streaming into 5,000 turns (readable names), summarised by self time. */
async function profileOurs(ctx: BenchContext): Promise<HotFunction[]> {
  const bundle = await ctx.bundle(true);
  const { page, cdp } = await openPage(await ctx.browser(), bundle);
  try {
    await call(page, "transcriptSetup", "ours", 5000);
    const profile = await withProfiler(cdp, () => call(page, "transcriptStream", TOKENS, REPLY, PAINT_EVERY));
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

export async function transcriptPart(ctx: BenchContext, forceProfile: boolean): Promise<PartResult> {
  const { page } = await openPage(await ctx.browser(), await ctx.bundle());
  // Ours also at 250 turns: the panel renders a 200-turn window, so 250 is "window full" and
  // separates the cost of rendered rows from the cost of history.
  const rounds: Record<Key, RoundStat[]> = { "ours-50": [], "theirs-50": [], "ours-250": [], "theirs-250": [], "ours-5000": [], "theirs-5000": [] };
  try {
    for (let r = 0; r < ctx.rounds; r++) {
      for (const turns of [50, 250, 5000] as const) {
        for (const side of order(r)) {
          if (side === "theirs" && turns === 250) continue;
          const big = side === "theirs" && turns === 5000;
          if (big && r >= THEIR_BIG_ROUNDS) continue;
          rounds[`${side}-${turns}`].push(await one(page, side, turns, big ? THEIR_BIG_TOKENS : TOKENS));
        }
      }
      // Only what ran this round (theirs at 5,000 turns stops after THEIR_BIG_ROUNDS).
      const last = (k: Key): string => (rounds[k].length === r + 1 ? (rounds[k][r]?.commit.toFixed(3) ?? "–") : "–");
      ctx.log(`b: round ${r + 1}/${ctx.rounds}: commit ms/token ours ${last("ours-50")} / ${last("ours-5000")}, theirs ${last("theirs-50")} / ${last("theirs-5000")}`);
    }
  } finally {
    await page.close();
  }
  const med = (k: Key, f: keyof RoundStat): number | null => (rounds[k].length ? median(rounds[k].map((x) => x[f])) : null);
  const q = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b !== 0 ? a / b : null);
  const ours50 = med("ours-50", "commit");
  const ours5k = med("ours-5000", "commit");
  const oursRatio = q(ours5k, ours50);
  const paintRatio = q(med("ours-5000", "paint"), med("ours-50", "paint"));
  const rows: Row[] = [
    { metric: "per-token commit, 50 turns (median)", ours: ours50, theirs: med("theirs-50", "commit"), unit: "ms", digits: 3, target: "≤ 1 ms", met: ours50 !== null && ours50 <= 1 },
    { metric: "per-token commit, 5,000 turns (median)", ours: ours5k, theirs: med("theirs-5000", "commit"), unit: "ms", digits: 3, target: "≤ 1 ms", met: ours5k !== null && ours5k <= 1 },
    { metric: "commit 5,000 / 50", ours: oursRatio, theirs: q(med("theirs-5000", "commit"), med("theirs-50", "commit")), unit: "×", target: "≤ 1.3×", met: oursRatio !== null && oursRatio <= 1.3 },
    { metric: "per-token commit, 250 turns (window full; ours only)", ours: med("ours-250", "commit"), unit: "ms", digits: 3 },
    { metric: "commit 5,000 / 250 (same 200 rendered rows; ours only)", ours: q(ours5k, med("ours-250", "commit")), unit: "×" },
    { metric: "time to next paint, 50 turns (median)", ours: med("ours-50", "paint"), theirs: med("theirs-50", "paint"), unit: "ms" },
    { metric: "time to next paint, 5,000 turns (median)", ours: med("ours-5000", "paint"), theirs: med("theirs-5000", "paint"), unit: "ms" },
    { metric: "paint 5,000 / 50", ours: paintRatio, theirs: q(med("theirs-5000", "paint"), med("theirs-50", "paint")), unit: "×", target: "≤ 1.3×", met: paintRatio !== null && paintRatio <= 1.3 },
    { metric: "React render per token, 5,000 turns (Profiler actualDuration)", ours: med("ours-5000", "actual"), theirs: med("theirs-5000", "actual"), unit: "ms", digits: 3 },
    { metric: "history build, 5,000 turns (setup, untimed part)", ours: med("ours-5000", "setupMs"), theirs: med("theirs-5000", "setupMs"), unit: "ms", digits: 0 },
  ];
  const missed = rows.some((r) => r.met === false);
  const hot = missed || forceProfile ? await profileOurs(ctx) : [];
  const notes = [
    `Tokens: word-level RTVI 2.0 \`bot-output\` messages ({text, spoken: true, aggregated_by: "word"}), ${REPLY} per reply, each reply after a user turn (user-started/transcription/stopped, bot-started: injected, not timed); both sides get identical messages through \`ScriptedTransport.inject\`. History: user/bot pairs injected at full speed, then only the tokens are measured.`,
    `Commit = performance.now() around \`flushSync(() => transport.inject(token))\`: client-js dispatch, the store, React render and commit, layout effects (our scroll pinning forces a layout) and passive effects. Paint = every ${PAINT_EVERY}th token starts at the top of a frame (rAF) and ends in a setTimeout(0) queued there, i.e. after that frame's style, layout and paint.`,
    `Ours: TranscriptPanel with its defaults (200-turn window). Theirs: voice-ui-kit 0.14.0's \`<Conversation noTextInput>\` (scoped Tailwind CSS) over client-react 1.8.2's usePipecatConversation; it renders every message.`,
    `${ctx.rounds} rounds of ${TOKENS} tokens per size for ours and for theirs at 50 turns; theirs at 5,000 turns: ${Math.min(ctx.rounds, THEIR_BIG_ROUNDS)} rounds of ${THEIR_BIG_TOKENS} tokens (about 90 ms a token). Medians of the per-round medians; p95s in the JSON. Page is cross-origin isolated (5 µs timer).`,
  ];
  if (hot.length) notes.push(`CPU profile of ours streaming ${TOKENS} tokens into 5,000 turns (self time, top): ${hot.map((h) => `${h.name} ${h.ms.toFixed(0)} ms (${h.pct.toFixed(1)}%)`).join("; ")}.`);
  return { id: "b", title: "Transcript streaming: 2,000 bot tokens into a history of 50 and of 5,000 turns", rows, notes, raw: { rounds, profile: hot } };
}
