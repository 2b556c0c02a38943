/**
 * Long-call soak: a werift caller talks to the real bot server, bridged to the offline stand-in
 * which sends goAway every --goaway seconds (a real session's ~10 minutes, compressed). Prints the
 * reconnects, the mic-audio gap the service saw at each one, audio lost, and the transcript turns
 * before and after; then the same call with one resumption refused (--fail-at).
 *
 *   npx tsx example-app/tools/resumption-soak.ts [--minutes 3] [--goaway 20] [--fail-at 3]
 */
import { createLogger } from "../server/logger.js";
import { startServer } from "../server/server.js";
import { startStandIn, type StandInEvent } from "../server/standin/server.js";
import { LoopbackClient, type RtviIn } from "./loopbackClient.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const MINUTES = opt("minutes", 3);
const GOAWAY = opt("goaway", 20);
const FAIL_AT = opt("fail-at", 3);

/** 48 kHz: `voiced` s of a loud tone then quiet, repeated to fill `total` s (one user turn a cycle). */
function talk(total: number, voiced = 1.5, cycle = 9): Int16Array {
  const out = new Int16Array(Math.round(total * 48000));
  for (let i = 0; i < out.length; i++) {
    const t = (i / 48000) % cycle;
    if (t < voiced) out[i] = Math.round(0.4 * 32767 * Math.min(1, t / 0.01, (voiced - t) / 0.01) * Math.sin((2 * Math.PI * 300 * i) / 48000));
  }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

interface Result {
  reconnects: number;
  gapsMs: number[];
  reconnectingMs: number[];
  lostMs: number;
  turnsBefore: number;
  turnsAfter: number;
  turnNumbers: number[];
  answeredByModel: number;
  error: string | undefined;
}

async function run(seconds: number, rejectResumeAt: number | undefined): Promise<Result> {
  const events: StandInEvent[] = [];
  const logger = createLogger({ sink: () => undefined });
  const standIn = await startStandIn({ logger, goAwayAfterSec: GOAWAY, goAwayGraceSec: 5, rejectResumeAt, onEvent: (e) => events.push(e) });
  const server = await startServer({ port: 0, host: "127.0.0.1", geminiApiKey: "soak-key", geminiWsUrl: standIn.url, logSink: () => undefined });
  const caller = new LoopbackClient(server.url, { decode: false, keepRtp: false });
  await caller.connect();
  await caller.ready();
  const marks: { at: number; type: string }[] = [];
  let turnsBeforeFirst = -1;
  const turns = (): number => caller.messages.items.filter((m) => m.type === "bot-output" || (m.type === "user-transcription" && m.data?.final)).length;
  caller.dc.onMessage.subscribe((raw) => {
    const m = JSON.parse(raw.toString()) as RtviIn;
    if (m.type === "server-message") {
      marks.push({ at: performance.now(), type: String(m.data?.type) });
      if (m.data?.type === "session-reconnecting" && turnsBeforeFirst < 0) turnsBeforeFirst = turns();
    }
  });
  caller.startAudio(talk(seconds + 5));
  const error = await Promise.race([
    caller.messages.wait((m) => m.type === "error", seconds * 1000, "error").then((m) => String(m.data?.error)),
    new Promise<undefined>((r) => setTimeout(r, seconds * 1000)),
  ]).catch(() => undefined);
  caller.stopAudio();
  const sent = caller.rtpCount;
  await caller.close();
  await server.close();
  await standIn.close();

  // Service side: the gap between the last mic audio on one socket and the first on the next.
  const audio = events.filter((e): e is Extract<StandInEvent, { type: "audio" }> => e.type === "audio");
  const gapsMs: number[] = [];
  for (let i = 1; i < audio.length; i++) if (audio[i]!.conn !== audio[i - 1]!.conn) gapsMs.push(audio[i]!.at - audio[i - 1]!.at);
  const received = audio.reduce((n, e) => n + e.samples, 0);
  const reconnectingMs: number[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i]!.type === "session-reconnecting" && marks[i + 1]?.type === "session-resumed") reconnectingMs.push(marks[i + 1]!.at - marks[i]!.at);
  const outputs = caller.messages.items.filter((m) => m.type === "bot-output").map((m) => String(m.data?.text));
  const turnNumbers = outputs.map((t) => /Turn (\d+)/.exec(t)?.[1]).filter(Boolean).map(Number);
  return {
    reconnects: marks.filter((m) => m.type === "session-resumed").length,
    gapsMs,
    reconnectingMs,
    // Frames still in flight when the caller stopped are at most a few; anything more was lost.
    lostMs: Math.max(0, (sent * 320 - received) / 16),
    turnsBefore: turnsBeforeFirst,
    turnsAfter: turns(),
    turnNumbers,
    answeredByModel: events.filter((e) => e.type === "turn").length,
    error,
  };
}

function report(title: string, r: Result): void {
  const f = (xs: number[]): string => (xs.length ? `max ${Math.max(...xs).toFixed(0)} ms, median ${median(xs).toFixed(0)} ms` : "n/a");
  console.log(`\n## ${title}`);
  console.log(`reconnects done:            ${r.reconnects}`);
  console.log(`mic audio gap at the service (last chunk on the old socket → first on the new): ${f(r.gapsMs)}  [${r.gapsMs.map((g) => g.toFixed(0)).join(", ")}]`);
  console.log(`"reconnecting" shown to the caller: ${f(r.reconnectingMs)}`);
  console.log(`mic audio lost:             ${r.lostMs.toFixed(0)} ms`);
  console.log(`transcript turns before the first reconnect: ${r.turnsBefore}, at the end: ${r.turnsAfter}`);
  const consecutive = r.turnNumbers.every((n, i) => i === 0 || n === r.turnNumbers[i - 1]! + 1);
  console.log(`bot answers' turn numbers:  ${r.turnNumbers.join(" ")}  (${consecutive ? "consecutive: the conversation was restored each time" : "NOT consecutive"})`);
  console.log(`model turns ended at the stand-in: ${r.answeredByModel}`);
  if (r.error) console.log(`fatal error to the caller:  ${r.error}`);
}

console.log(`resumption soak: goAway every ${GOAWAY} s, ${MINUTES} min call; then a call whose resumption #${FAIL_AT} is refused`);
report(`${MINUTES} min, goAway every ${GOAWAY} s`, await run(MINUTES * 60, undefined));
report(`resumption #${FAIL_AT} refused`, await run(GOAWAY * (FAIL_AT + 1), FAIL_AT));
process.exit(0);
