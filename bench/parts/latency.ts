// Part g: voice-to-voice latency of the example app (what `npm run latency:voice` prints alone).
import { measureVoiceLatency } from "../lib/voiceLatency";
import { median, percentile, type PartResult } from "../lib/report";
import type { BenchContext } from "./context";

const TURNS = 10;

export async function latencyPart(ctx: BenchContext): Promise<PartResult> {
  ctx.log(`g: building the example and speaking ${TURNS} turns into it (about ${TURNS * 8} s)`);
  const { samples, badge } = await measureVoiceLatency(TURNS);
  ctx.log(`g: ${samples.length} turns: ${samples.map((s) => s.toFixed(0)).join(", ")} ms`);
  return {
    id: "g",
    title: `Voice-to-voice latency of the example app on loopback (${samples.length} turns, offline stand-in bot)`,
    rows: [
      { metric: "end of the user's speech → first audible bot audio (median)", ours: median(samples), unit: "ms", digits: 0 },
      { metric: "min", ours: samples.length ? Math.min(...samples) : null, unit: "ms", digits: 0 },
      { metric: "p90", ours: samples.length ? percentile(samples, 90) : null, unit: "ms", digits: 0 },
      { metric: "max", ours: samples.length ? Math.max(...samples) : null, unit: "ms", digits: 0 },
    ],
    notes: [
      "The production build of example-app served by its own server on 127.0.0.1; headless Chromium speaks a fixed espeak-ng utterance (\"What time is it on Mars right now?\", then 7 s of silence, looped) through its fake microphone into a real WebRTC call; the server's offline stand-in answers.",
      "An init script gives the page its own AnalyserNodes on the microphone stream and on the bot's incoming track (RMS > 0.02 for 60 ms = onset; < 0.02 for 250 ms = end of speech, stamped where the quiet began): the figure is from the acoustic end of the user's speech to the bot's first audible audio, independent of the app and of RTVI events, so it includes the server's VAD hang-over, the stand-in's answer, Opus both ways and the jitter buffer.",
      `There is no anchor: client-react and voice-ui-kit have no server. The app's own LatencyBadge (RTVI user-stopped-speaking → bot-started-speaking) read at the end: ${badge || "–"}.`,
    ],
    raw: { samples, badge },
  };
}
