/** The encoder thread (see encoderThread.ts): one Opus encoder per call, frames encoded as PCM arrives. */
import { parentPort } from "node:worker_threads";
import { OpusCodec, type OpusPcmRate } from "./opus.js";
import type { FromEncoder, ToEncoder } from "./encoderThread.js";

interface Stream {
  codec: OpusCodec;
  gen: number;
  /** The frame being filled, and how much of it is. */
  partial: Int16Array;
  filled: number;
}

const port = parentPort!;
const streams = new Map<number, Stream>();

function encodeFull(id: number, s: Stream, pcm: Int16Array): void {
  const frames: Uint8Array<ArrayBuffer>[] = [];
  const n = s.partial.length;
  for (let at = 0; at < pcm.length; ) {
    const k = Math.min(n - s.filled, pcm.length - at);
    s.partial.set(pcm.subarray(at, at + k), s.filled);
    s.filled += k;
    at += k;
    if (s.filled === n) {
      // A copy of its own: the encoder's Buffer may sit in Node's shared pool, and posting a view
      // would copy the whole pool.
      frames.push(new Uint8Array(s.codec.encode(s.partial)));
      s.filled = 0;
    }
  }
  if (frames.length > 0) port.postMessage({ t: "frames", id, gen: s.gen, frames } satisfies FromEncoder, frames.map((f) => f.buffer));
}

port.on("message", (m: ToEncoder) => {
  if (m.t === "quit") return port.close();
  if (m.t === "flush") return port.postMessage({ t: "flushed", n: m.n } satisfies FromEncoder);
  if (m.t === "open") {
    const codec = new OpusCodec(m.rate as OpusPcmRate);
    streams.set(m.id, { codec, gen: 0, partial: new Int16Array(codec.encodeFrameSamples), filled: 0 });
    return;
  }
  const s = streams.get(m.id);
  if (!s) return;
  if (m.t === "close") {
    s.codec.close();
    streams.delete(m.id);
  } else if (m.t === "clear") {
    s.gen = m.gen;
    s.filled = 0;
  } else if (m.t === "pcm") encodeFull(m.id, s, m.pcm);
  else if (m.t === "pad" && s.filled > 0) encodeFull(m.id, s, new Int16Array(s.partial.length - s.filled));
});
port.postMessage({ t: "ready" } satisfies FromEncoder);
