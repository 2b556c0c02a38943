import type { Logger } from "../logger.js";
import { startThread, type Thread } from "../threads.js";
import { FramesOnSlot, type FrameQueue } from "./frames.js";
import { frameSamples, OpusCodec, type OpusPcmRate } from "./opus.js";

/** Server → encoder thread. Messages of one stream arrive in order, so a clear precedes the PCM after it. */
export type ToEncoder =
  | { t: "open"; id: number; rate: OpusPcmRate }
  | { t: "pcm"; id: number; pcm: Int16Array }
  | { t: "pad"; id: number }
  | { t: "clear"; id: number; gen: number }
  | { t: "close"; id: number }
  | { t: "flush"; n: number }
  | { t: "quit" };

/** Encoder thread → server: encoded frames of one stream, tagged with the generation they belong to. */
export type FromEncoder = { t: "ready" } | { t: "flushed"; n: number } | { t: "frames"; id: number; gen: number; frames: Uint8Array[] };

const live = { count: 0 };
/** Encoder threads alive in this process (leak checks: a closed server leaves none). */
export function encoderThreads(): number {
  return live.count;
}

/**
 * Opus encoding for every call, on a thread of its own, as the model's audio arrives instead of in
 * each frame's clock slot. The model streams ~600 ms ahead, so frames are ready long before their
 * slot, and the server loop that paces 20 calls' frames is left with taking and sending them:
 * encoding was ~0.17 ms of each frame's ~0.4 ms there, and a burst of frames due together is what
 * made the next ones late (bench parts e and i compare both ways in the same run).
 */
export class EncoderThread {
  private readonly streams = new Map<number, FramesAhead>();
  private nextId = 1;
  private closing = false;
  private dead = false;
  private flushes = new Map<number, () => void>();
  private flushN = 0;

  private constructor(
    private readonly thread: Thread,
    logger: Logger,
  ) {
    const { worker, gone } = thread;
    worker.on("message", (m: FromEncoder) => {
      if (m.t === "frames") this.streams.get(m.id)?.arrived(m.gen, m.frames);
      else if (m.t === "flushed") {
        this.flushes.get(m.n)?.();
        this.flushes.delete(m.n);
      }
    });
    worker.on("error", (e) => logger.error("encoder thread failed; calls encode on the server loop from now on", e));
    void gone.then(() => {
      this.dead = true;
      for (const f of this.flushes.values()) f();
      this.flushes.clear();
      if (this.closing) return;
      if (this.streams.size > 0) logger.error(`encoder thread exited with ${this.streams.size} calls open; they encode on the server loop from now on`);
      for (const s of this.streams.values()) s.fallBack();
    });
  }

  static start(logger: Logger): Promise<EncoderThread> {
    const thread = startThread(import.meta.url, "./encoderWorker", null, live);
    const { worker } = thread;
    return new Promise((resolve, reject) => {
      const failed = (e: unknown): void => reject(e instanceof Error ? e : new Error(`encoder thread exited (${String(e)}) before it was ready`));
      worker.once("error", failed);
      worker.once("exit", failed);
      worker.once("message", () => {
        worker.off("error", failed);
        worker.off("exit", failed);
        resolve(new EncoderThread(thread, logger));
      });
    });
  }

  /** Open calls' streams. */
  get open(): number {
    return this.streams.size;
  }

  /** A call's frames, encoded here from PCM at `rate`; on the loop if the thread is gone. */
  stream(rate: OpusPcmRate): FrameQueue {
    const id = this.nextId++;
    const s = new FramesAhead(id, rate, (m) => this.post(m), () => this.streams.delete(id));
    if (this.dead) s.fallBack();
    else {
      this.streams.set(id, s);
      this.post({ t: "open", id, rate });
    }
    return s;
  }

  private post(m: ToEncoder): void {
    if (!this.dead) this.thread.worker.postMessage(m);
  }

  /** Resolves once every frame of the PCM posted so far is back (messages keep their order). */
  flush(): Promise<void> {
    if (this.dead) return Promise.resolve();
    const n = ++this.flushN;
    return new Promise((resolve) => {
      this.flushes.set(n, resolve);
      this.post({ t: "flush", n });
    });
  }

  /** For tests: end the thread as a crash would. */
  crashForTest(): Promise<void> {
    void this.thread.worker.terminate();
    return this.thread.gone;
  }

  close(): Promise<void> {
    this.closing = true;
    return this.thread.stop({ t: "quit" } satisfies ToEncoder);
  }
}

/**
 * One call's frames, encoded on the encoder thread. The samples are counted here as they are
 * pushed, so the clock sees the same queue it would with `FramesOnSlot`; a frame whose slot
 * comes before it is back is simply not ready yet.
 */
class FramesAhead implements FrameQueue {
  private ready: Buffer[] = [];
  /** Frames dropped before they came back: the next ones to arrive are discarded. */
  private owed = 0;
  private count = 0;
  private gen = 0;
  private readonly frameLen: number;
  /** Set once the thread is gone: what is pushed after that is encoded in the slot. */
  private local: FramesOnSlot | null = null;
  private readyListener: (() => void) | null = null;

  constructor(
    private readonly id: number,
    private readonly rate: OpusPcmRate,
    private readonly post: (m: ToEncoder) => void,
    private readonly release: () => void,
  ) {
    this.frameLen = frameSamples(rate);
  }

  get queued(): number {
    return this.count + (this.local?.queued ?? 0);
  }

  arrived(gen: number, frames: Uint8Array[]): void {
    if (gen !== this.gen) return;
    for (const f of frames) {
      if (this.owed > 0) this.owed--;
      else this.ready.push(Buffer.from(f.buffer, f.byteOffset, f.byteLength));
    }
    if (this.ready.length > 0) this.notify();
  }

  onReady(fn: () => void): void {
    this.readyListener = fn;
  }

  private notify(): void {
    const fn = this.readyListener;
    this.readyListener = null;
    fn?.();
  }

  /** The thread is gone: frames in flight are lost; what is ready still goes out, then the loop encodes. */
  fallBack(): void {
    if (this.local) return;
    this.local = new FramesOnSlot(new OpusCodec(this.rate));
    this.count = this.ready.length * this.frameLen;
    this.owed = 0;
    this.notify();
  }

  push(pcm: Int16Array): void {
    if (this.local) return this.local.push(pcm);
    this.count += pcm.length;
    this.post({ t: "pcm", id: this.id, pcm });
  }

  pad(): void {
    if (this.local) return this.local.pad();
    const rest = this.count % this.frameLen;
    if (rest === 0) return;
    this.count += this.frameLen - rest;
    this.post({ t: "pad", id: this.id });
  }

  take(): Buffer | null {
    const f = this.ready.shift();
    if (f) {
      this.count = Math.max(0, this.count - this.frameLen);
      return f;
    }
    return this.local ? this.local.take() : null;
  }

  drop(): void {
    if (this.count === 0 && this.local) return this.local.drop();
    if (this.count < this.frameLen) return;
    this.count -= this.frameLen;
    if (this.ready.length > 0) this.ready.shift();
    else if (!this.local) this.owed++;
  }

  clear(): void {
    this.ready = [];
    this.readyListener = null;
    this.owed = 0;
    this.count = 0;
    this.local?.clear();
    if (!this.local) this.post({ t: "clear", id: this.id, gen: ++this.gen });
  }

  close(): void {
    this.clear();
    this.post({ t: "close", id: this.id });
    this.release();
  }
}
