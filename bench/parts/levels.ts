// Part a: React commits caused by 60 Hz mic + bot levels with the whole UI mounted.
import { call, openPage } from "../lib/browser";
import { median, ratio, type PartResult } from "../lib/report";
import type { BenchContext } from "./context";

interface LevelRun {
  commits: number;
  actualMs: number;
  levelEvents: number;
}
type Side = "ours" | "theirs" | "baseline";
const SIDES: readonly Side[] = ["ours", "theirs", "baseline"];
const SECONDS = 5;

export async function levelsPart(ctx: BenchContext): Promise<PartResult> {
  const { page } = await openPage(await ctx.browser(), await ctx.bundle());
  const runs: Record<Side, LevelRun[]> = { ours: [], theirs: [], baseline: [] };
  try {
    for (let r = 0; r < ctx.rounds; r++) {
      // Rotate who goes first, so a slow start of the run does not always land on one side.
      const sides = SIDES.map((_, i) => SIDES[(i + r) % SIDES.length] as Side);
      for (const side of sides) runs[side].push(await call<LevelRun>(page, "levelCommits", side, SECONDS * 1000));
      ctx.log(`a: round ${r + 1}/${ctx.rounds}: commits ours ${runs.ours.at(-1)?.commits}, client-react as documented ${runs.theirs.at(-1)?.commits}, useState baseline ${runs.baseline.at(-1)?.commits}`);
    }
  } finally {
    await page.close();
  }
  const m = (side: Side, k: keyof LevelRun): number => median(runs[side].map((x) => x[k]));
  const events = runs.ours[0]?.levelEvents ?? 0;
  const ours = m("ours", "commits");
  const base = m("baseline", "commits");
  return {
    id: "a",
    title: `Audio levels: React commits while mic + bot levels arrive at 60 Hz for ${SECONDS} s (${events} level events), whole UI mounted`,
    rows: [
      { metric: "React commits in the level phase; theirs = client-react + voice-ui-kit as their docs build it", ours, theirs: m("theirs", "commits"), digits: 0, target: "0", met: ours === 0 },
      { metric: "render time in those commits (Profiler actualDuration, sum)", ours: m("ours", "actualMs"), theirs: m("theirs", "actualMs"), unit: "ms" },
      { metric: "baseline (not an anchor): React commits with a plain `useState` meter fed by `useRTVIClientEvent(LocalAudioLevel)`", ours, theirs: base, digits: 0 },
      { metric: "baseline: render time in those commits", ours: m("ours", "actualMs"), theirs: m("baseline", "actualMs"), unit: "ms" },
    ],
    notes: [
      `${ctx.rounds} rounds, the three screens rotating in one page; commits counted by a <Profiler> on the root (react-dom/profiling build) from the first level to 3 frames after the last.`,
      "Ours: RTVIClientProvider, ConnectButton, MicToggle (with its level meter), two VoiceVisualizers (local, bot), TranscriptPanel. Levels reach the meters through the kit's level channel, outside React.",
      "How client-react's users are told to read levels: client-react 1.8.2's README has no level hook; its only level display is `VoiceVisualizer` (\"Renders a visual representation of audio input levels on a `<canvas>` element\", `participantType` \"local\" | \"bot\"), which analyses the media track itself, and its generic `useRTVIClientEvent(event, handler)` (\"It is advised to wrap handlers with `useCallback`\"). voice-ui-kit 0.14.0's mic button `UserAudioControl` embeds its own `VoiceVisualizer` (an AnalyserNode on `usePipecatClientMediaTrack`). So theirs = PipecatClientProvider, voice-ui-kit `ConnectButton` + `UserAudioControl noDevicePicker`, client-react `VoiceVisualizer` ×2, a plain list over usePipecatConversation: no level ever passes through React there either, so 0 vs 0 is the like-for-like result; the difference is where the level work runs (part d).",
      "Baseline: the same client-react screen with a hand-written mic meter, `useRTVIClientEvent(RTVIEvent.LocalAudioLevel, l => setLevel(l))` into useState: what reading levels through React state costs. Neither kit's docs recommend it; it is printed against ours so the 0 means something, not as client-react's figure.",
      "All on ScriptedTransport with the same script and the same oscillator tracks; levels via `transport.play([{at, level}])`.",
    ],
    raw: { runs, ratioToBaseline: ratio(ours, base) },
  };
}
