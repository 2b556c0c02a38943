/**
 * One caller of the transport bench (bench/parts/transports.ts), run inside the client's network
 * namespace: `tsx bench/lib/transportCaller.ts webrtc|websocket http://10.77.0.1:PORT TURNS STREAM_S`.
 * Voice turns (a 1 s tone, then the time to the bot's first audible frame), then one long spoken
 * answer (a typed text the stand-in reads aloud) whose frames are timed for gaps and delay build-up.
 * Prints one JSON line on stdout.
 */
import { LoopbackClient } from "../../example-app/tools/loopbackClient";
import { WsCaller } from "../../example-app/tools/wsCaller";

const [kind, url, turnsArg, streamArg] = process.argv.slice(2) as [string, string, string, string];
const TURNS = Number(turnsArg ?? 5);
const STREAM_MS = Number(streamArg ?? 60) * 1000;
/** The jitter buffer the WebRTC side is read against: a frame later than this is concealed. */
const JITTER_MS = 60;

interface Frame {
  at: number;
  /** Slot in the bot's stream: from the RTP timestamp (WebRTC) or arrival order (WebSocket, TCP delivers in order). */
  k: number;
  energy: number;
}

function tone(secs: number, rate: number): Int16Array {
  const n = Math.round(secs * rate);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(0.4 * 32767 * Math.min(1, i / (rate * 0.01), (n - i) / (rate * 0.01)) * Math.sin((2 * Math.PI * 440 * i) / rate));
  return out;
}
const rms = (p: Int16Array): number => {
  let s = 0;
  for (const v of p) s += (v / 32768) ** 2;
  return Math.sqrt(s / Math.max(1, p.length));
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Caller {
  frames: Frame[];
  wait(type: string, after: number, ms: number): Promise<void>;
  speak(secs: number): void;
  text(t: string): void;
  close(): Promise<void>;
}

/** Connects either caller, waits for bot-ready, starts its (silent) mic, and wraps it as a Caller. */
async function asCaller(c: LoopbackClient | WsCaller, frames: Frame[], micRate: number): Promise<Caller> {
  await c.connect();
  await c.ready();
  c.startAudio(new Int16Array(0));
  return {
    frames,
    wait: (type, after, ms) => c.messages.wait((m) => m.type === type && c.messages.items.indexOf(m) >= after, ms, type).then(() => undefined),
    speak: (secs) => c.startAudio(tone(secs, micRate)),
    text: (t) => c.sendRtvi("send-text", { content: t }, "long"),
    close: () => c.close(),
  };
}

async function webrtc(): Promise<Caller> {
  const c = new LoopbackClient(url, { decode: true });
  const frames: Frame[] = [];
  let base = -1;
  let last = -1;
  c.rtp.push = (p) => {
    // The frame's slot from its RTP timestamp (960 a slot; the server's clock skips slots after a
    // stall and says so in the timestamps, where the sequence number just goes on).
    if (base < 0) base = last = p.ts;
    let d = (p.ts - (last >>> 0) + 2 ** 32) % 2 ** 32;
    if (d > 2 ** 31) d -= 2 ** 32;
    last += d;
    frames.push({ at: p.at, k: Math.round((last - base) / 960), energy: rms(p.pcm) });
  };
  return asCaller(c, frames, 48000);
}

async function websocket(): Promise<Caller> {
  const c = new WsCaller(url, { keepAudio: false });
  const frames: Frame[] = [];
  c.onAudio = (a) => frames.push({ at: a.at, k: frames.length, energy: rms(a.pcm) });
  return asCaller(c, frames, 16000);
}

// Setting up is not what is measured, and at 10 % loss each way werift's DTLS/SCTP handshake
// sometimes misses the 15 s data-channel deadline: try again (the attempts are reported).
let attempts = 0;
let c: Caller | null = null;
while (!c) {
  attempts++;
  try {
    c = kind === "websocket" ? await websocket() : await webrtc();
  } catch (e) {
    if (attempts >= 4) throw e;
  }
}
const latencies: number[] = [];
for (let i = 0; i < TURNS; i++) {
  const from = c.frames.length;
  const t0 = performance.now();
  c.speak(1.0);
  const end = t0 + 1000;
  const deadline = performance.now() + 20_000;
  let first: Frame | undefined;
  while (!first && performance.now() < deadline) {
    first = c.frames.slice(from).find((f) => f.at > end && f.energy > 0.01);
    if (!first) await sleep(5);
  }
  if (first) latencies.push(first.at - end);
  // Let the answer play out, then a pause, before the next turn.
  const quietSince = () => (c.frames.length ? performance.now() - c.frames[c.frames.length - 1]!.at : Infinity);
  const until = performance.now() + 20_000;
  while (quietSince() < 1500 && performance.now() < until) await sleep(50);
}

// The long answer: about a minute of speech read aloud by the stand-in.
const words = "the quick brown fox jumps over the lazy dog while the band plays on and the river runs to the sea".split(" ");
const long = Array.from({ length: 240 }, (_, i) => words[i % words.length]).join(" ");
const from = c.frames.length;
c.text(long);
const started = performance.now();
while (performance.now() - started < STREAM_MS + 15_000) {
  const s = c.frames.slice(from);
  if (s.length > 0 && s[s.length - 1]!.at - s[0]!.at >= STREAM_MS) break;
  await sleep(100);
}
const stream = c.frames.slice(from).filter((f) => f.at - (c.frames[from]?.at ?? 0) <= STREAM_MS);
await c.close();

// Arrival lateness against the sender's 20 ms clock, from the first frame of the stream.
const k0 = stream[0]?.k ?? 0;
const t0 = stream[0]?.at ?? 0;
const lateness = stream.map((f) => f.at - (t0 + 20 * (f.k - k0)));
const median = (a: number[]): number | null => {
  if (!a.length) return null;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
};
const n = stream.length;
const tail = lateness.slice(Math.max(0, n - 250));
const arrivalDrift = n ? (median(tail) ?? 0) - (median(lateness.slice(0, 250)) ?? 0) : null;

let gaps = 0;
let gapMs = 0;
let buildup: number | null = null;
let concealedMs = 0;
let lostMs = 0;
if (kind === "websocket") {
  // WavStreamPlayer: plays every chunk, in order, as soon as it can; an empty queue mid-stream is an underrun.
  let playEnd: number | null = null;
  for (const f of stream) {
    if (playEnd !== null && f.at > playEnd) {
      gaps++;
      gapMs += f.at - playEnd;
    }
    const start: number = playEnd === null ? f.at : Math.max(f.at, playEnd);
    playEnd = start + 20;
  }
  // How much later than a continuous playout the last frame plays: the delay the stalls left behind.
  buildup = playEnd === null ? null : playEnd - (t0 + 20 * n);
} else {
  // A fixed jitter buffer of JITTER_MS: frames never received or later than their slot are concealed.
  const lastK = stream.length ? stream[stream.length - 1]!.k : 0;
  const got = new Map<number, number>();
  for (const f of stream) got.set(f.k, f.at);
  for (let k = k0; k <= lastK; k++) {
    const at = got.get(k);
    if (at === undefined) lostMs += 20;
    if (at === undefined || at > t0 + JITTER_MS + 20 * (k - k0)) concealedMs += 20;
  }
  buildup = 0;
}
console.log(JSON.stringify({ kind, attempts, latencies, frames: n, streamMs: n * 20, arrivalDrift, gaps, gapMs, concealedMs, lostMs, buildup }));
process.exit(0);
