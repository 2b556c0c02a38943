/**
 * The encoder thread (see encoderThread.ts): one Opus encoder per call. Frames are encoded earliest
 * deadline first, not in the order the PCM arrived: one call's 600 ms chunk (30 frames, several
 * ms to encode) must not hold up the first frame of another call's turn, whose slot is at most
 * 20 ms away. A frame's deadline is estimated from when its stream's burst began, 20 ms a frame.
 */
import { parentPort } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { FRAME_MS, OpusCodec } from "./opus.js";
import { FramesOnSlot } from "./frames.js";
import type { FromEncoder, ToEncoder } from "./encoderThread.js";

interface Stream {
  id: number;
  /** PCM waiting to be encoded, cut into frames and padded exactly as the slot would. */
  queue: FramesOnSlot;
  codec: OpusCodec;
  gen: number;
  /** When this burst of frames began, and how many of its frames are out: frame k is due at start + 20·k. */
  burstStart: number;
  encoded: number;
  /** Encoded in this slice, posted at its end. */
  out: Uint8Array<ArrayBuffer>[];
}

/** Work per slice before the thread looks at its messages again. */
const SLICE_MS = 2;
const URGENT_MS = 2 * FRAME_MS;

const port = parentPort!;
const streams = new Map<number, Stream>();
const flushes: number[] = [];
let scheduled = false;

const deadline = (s: Stream): number => s.burstStart + s.encoded * FRAME_MS;
const hasFrame = (s: Stream): boolean => s.queue.queued >= s.codec.encodeFrameSamples;

function encodeNext(s: Stream): void {
  // A copy of its own: the encoder's Buffer may sit in Node's shared pool, and posting a view
  // would copy the whole pool.
  s.out.push(new Uint8Array(s.queue.take()!));
  s.encoded++;
}

function pump(): void {
  scheduled = false;
  const until = performance.now() + SLICE_MS;
  for (;;) {
    let next: Stream | null = null;
    for (const s of streams.values()) if (hasFrame(s) && (!next || deadline(s) < deadline(next))) next = s;
    if (!next) break;
    encodeNext(next);
    const now = performance.now();
    // Due within two frames (a turn's first ones): on its way now, not at the end of the slice.
    if (deadline(next) < now + URGENT_MS) send(next);
    if (now > until) break;
  }
  let more = false;
  for (const s of streams.values()) {
    send(s);
    more ||= hasFrame(s);
  }
  if (more) schedule();
  else for (const n of flushes.splice(0)) port.postMessage({ t: "flushed", n } satisfies FromEncoder);
}

/** A new burst begins when everything encoded before would have been played out by now. */
function startBurstIfIdle(s: Stream): void {
  const now = performance.now();
  if (deadline(s) < now) {
    s.burstStart = now;
    s.encoded = 0;
  }
  schedule();
}

function send(s: Stream): void {
  if (s.out.length === 0) return;
  port.postMessage({ t: "frames", id: s.id, gen: s.gen, frames: s.out } satisfies FromEncoder, s.out.map((f) => f.buffer));
  s.out = [];
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // After the messages already queued: a new turn's PCM joins this round instead of waiting it out.
  setImmediate(pump);
}

port.on("message", (m: ToEncoder) => {
  if (m.t === "quit") return port.close();
  if (m.t === "flush") {
    flushes.push(m.n);
    return schedule();
  }
  if (m.t === "open") {
    const codec = new OpusCodec(m.rate);
    streams.set(m.id, { id: m.id, queue: new FramesOnSlot(codec), codec, gen: 0, burstStart: 0, encoded: 0, out: [] });
    return;
  }
  const s = streams.get(m.id);
  if (!s) return;
  if (m.t === "close") {
    s.codec.close();
    streams.delete(m.id);
  } else if (m.t === "clear") {
    s.gen = m.gen;
    s.queue.clear();
    s.out = [];
    s.encoded = 0;
    s.burstStart = 0;
  } else if (m.t === "pcm") {
    startBurstIfIdle(s);
    s.queue.push(m.pcm);
  } else if (m.t === "pad") {
    // Silence to the frame's end, as the server counted it: PCM pushed after this starts a new frame.
    startBurstIfIdle(s);
    s.queue.pad();
  }
});
port.postMessage({ t: "ready" } satisfies FromEncoder);
