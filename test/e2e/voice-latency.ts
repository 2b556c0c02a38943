// `npm run latency:voice`: voice-to-voice latency of the example app on loopback, median of N
// turns. The measurement itself is bench part g (bench/lib/voiceLatency.ts); this prints it alone.
// Run: npx tsx test/e2e/voice-latency.ts [turns]
import { measureVoiceLatency } from "../../bench/lib/voiceLatency";

const turns = Number(process.argv[2] ?? 10);
const { samples, badge } = await measureVoiceLatency(turns);
const sorted = [...samples].sort((a, b) => a - b);
const median = sorted.length ? ((sorted[(sorted.length - 1) >> 1] ?? NaN) + (sorted[sorted.length >> 1] ?? NaN)) / 2 : NaN;
console.log(`voice-to-voice on loopback, ${samples.length} turns (ms): ${samples.map((s) => s.toFixed(0)).join(", ")}`);
console.log(`median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`);
console.log(`the app's own LatencyBadge (RTVI user-stopped-speaking → bot-started-speaking): ${badge}`);
