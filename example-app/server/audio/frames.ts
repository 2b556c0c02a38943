import type { FrameCodec } from "../transports/types.js";

/**
 * A call's outbound audio cut into 20 ms frames and encoded, as the pacing clock takes them.
 * Frame k is always samples [k·n, (k+1)·n) of what was pushed since the last clear, so the
 * encoding can happen either when the slot comes (`FramesOnSlot`) or ahead of it on another thread
 * (`EncoderThread`, `encoderThread.ts`) and the clock cannot tell the difference.
 */
export interface FrameQueue {
  /** Samples pushed and not yet taken or dropped (padding included). */
  readonly queued: number;
  /** PCM at the encoder's rate, continuing what was pushed before. */
  push(pcm: Int16Array): void;
  /** The turn is over: complete the last frame with silence, so it can go out. */
  pad(): void;
  /** The next frame's payload, or null when it is not encoded yet (or nothing is queued). */
  take(): Buffer | null;
  /** Give up the next whole frame (its slot passed during a stall); a partial one waits for the rest. */
  drop(): void;
  /** Barge-in: forget everything queued. */
  clear(): void;
  /** Once, the next time a frame that `take()` could not give becomes ready (queues that encode elsewhere). */
  onReady(fn: () => void): void;
  close(): void;
}

/** What a frame queue needs of the call's codec (OpusCodec, PcmCodec). */
export type FrameEncoder = Pick<FrameCodec, "encodeFrameSamples" | "encode">;

/** Encodes each frame on this thread, in its clock slot. */
export class FramesOnSlot implements FrameQueue {
  private readonly chunks: Int16Array[] = [];
  private head = 0;
  private count = 0;
  /** Reused for every frame: the encoder copies it. */
  private readonly frame: Int16Array;

  constructor(private readonly codec: FrameEncoder) {
    this.frame = new Int16Array(codec.encodeFrameSamples);
  }

  get queued(): number {
    return this.count;
  }

  push(pcm: Int16Array): void {
    if (pcm.length === 0) return;
    this.chunks.push(pcm);
    this.count += pcm.length;
  }

  pad(): void {
    const rest = this.count % this.frame.length;
    if (rest > 0) this.push(new Int16Array(this.frame.length - rest));
  }

  take(): Buffer | null {
    if (this.count === 0) return null;
    this.advance(this.frame);
    return this.codec.encode(this.frame);
  }

  drop(): void {
    if (this.count >= this.frame.length) this.advance(null);
  }

  /** Moves one frame's samples out of the queue, into `out` (zero-filled past the end) or nowhere. */
  private advance(out: Int16Array | null): void {
    const n = this.frame.length;
    let filled = 0;
    while (filled < n && this.chunks.length > 0) {
      const c = this.chunks[0]!;
      const k = Math.min(n - filled, c.length - this.head);
      out?.set(c.subarray(this.head, this.head + k), filled);
      filled += k;
      this.head += k;
      if (this.head >= c.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    out?.fill(0, filled);
    this.count -= filled;
  }

  clear(): void {
    this.chunks.length = 0;
    this.head = 0;
    this.count = 0;
  }

  // take() only comes back empty here when nothing is queued: there is nothing to wait for.
  onReady(): void {}

  close(): void {
    this.clear();
  }
}
