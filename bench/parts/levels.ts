// Part a: React commits caused by 60 Hz mic + bot levels with the whole UI mounted.
import { call, openPage } from "../lib/browser";
import { median, type PartResult } from "../lib/report";
import { order, type BenchContext } from "./context";

interface LevelRun {
  commits: number;
  actualMs: number;
  levelEvents: number;
}

const SECONDS = 5;

export async function levelsPart(ctx: BenchContext): Promise<PartResult> {
  const { page } = await openPage(await ctx.browser(), await ctx.bundle());
  const runs: Record<"ours" | "theirs", LevelRun[]> = { ours: [], theirs: [] };
  try {
    for (let r = 0; r < ctx.rounds; r++) {
      for (const side of order(r)) runs[side].push(await call<LevelRun>(page, "levelCommits", side, SECONDS * 1000));
      ctx.log(`a: round ${r + 1}/${ctx.rounds}: ours ${runs.ours.at(-1)?.commits} commits, theirs ${runs.theirs.at(-1)?.commits}`);
    }
  } finally {
    await page.close();
  }
  const m = (side: "ours" | "theirs", k: keyof LevelRun): number => median(runs[side].map((x) => x[k]));
  const events = runs.ours[0]?.levelEvents ?? 0;
  const ours = m("ours", "commits");
  return {
    id: "a",
    title: `Audio levels: React commits while mic + bot levels arrive at 60 Hz for ${SECONDS} s (${events} level events), whole UI mounted`,
    rows: [
      { metric: "React commits in the level phase (median of rounds)", ours, theirs: m("theirs", "commits"), digits: 0, target: "0", met: ours === 0 },
      { metric: "render time in those commits (Profiler actualDuration, sum)", ours: m("ours", "actualMs"), theirs: m("theirs", "actualMs"), unit: "ms" },
    ],
    notes: [
      `${ctx.rounds} rounds, sides alternating in one page; commits counted by a <Profiler> on the root (react-dom/profiling build) from the first level to 3 frames after the last.`,
      "Ours: RTVIClientProvider, ConnectButton, MicToggle (with its level meter), two VoiceVisualizers (local, bot), TranscriptPanel.",
      "Theirs: PipecatClientProvider, a connect button, a mic button whose meter reads `useRTVIClientEvent(RTVIEvent.LocalAudioLevel, l => setLevel(l))` into useState, client-react's VoiceVisualizer ×2 (they analyse the tracks), a plain list over usePipecatConversation.",
      "Both on ScriptedTransport with the same script and the same oscillator tracks; levels via `transport.play([{at, level}])`.",
    ],
    raw: runs,
  };
}
