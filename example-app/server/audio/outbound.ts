import { FRAME_SAMPLES, type OpusCodec } from "./opus.js";
import { Resampler, int16ToFloat } from "./resampler.js";
import type { FrameClock } from "./clock.js";
import type { Metrics } from "../metrics.js";

export interface RtpOut {
  payload: Buffer;
  sequenceNumber: number;
  timestamp: number;
  marker: boolean;
}

export interface OutboundEvents {
  send(packet: RtpOut): void;
  /** First frame of a talk spurt went out. */
  onStarted(): void;
  /** The queue ran dry after `finish()` or `clear()`: everything queued has been sent (or dropped). */
  onStopped(): void;
}

/**
 * Bot audio on its way to the caller: at the encoder's rate (resampled only if the model sends
 * another), queued, and released one 20 ms Opus frame per clock slot. RTP timestamps follow the clock slot, so silence gaps stay honest.
 */
export class OutboundAudio {
  private readonly queue: Float32Array[] = [];
  private head = 0;
  private queued = 0;
  private resampler: Resampler | null = null;
  private seq = Math.floor(Math.random() * 0xffff);
  private readonly tsBase = Math.floor(Math.random() * 0xffffffff);
  private slotBase = -1;
  private speaking = false;
  private finishing = false;
  private idleSlots = 0;
  /** Arrival times of chunks that landed on an empty queue, matched to the frame that carries them. */
  private pendingArrival: number | null = null;
  private readonly unsubscribe: () => void;
  /** Reused for every frame: the encoder copies it, so one buffer per call saves an allocation per frame. */
  private readonly frame: Int16Array;
  /** PCM rate and samples per frame of the encoder (RTP timestamps still step 960 per frame). */
  private readonly rate: number;
  private readonly frameLen: number;

  constructor(
    private readonly codec: { readonly encodeRate: number; readonly encodeFrameSamples: number; encode: OpusCodec["encode"] },
    private readonly clock: FrameClock,
    private readonly events: OutboundEvents,
    private readonly metrics: Metrics,
  ) {
    this.rate = codec.encodeRate;
    this.frameLen = codec.encodeFrameSamples;
    this.frame = new Int16Array(this.frameLen);
    this.unsubscribe = clock.subscribe((slot, slotTime, skipped) => this.tick(slot, slotTime, skipped));
  }

  get queuedMs(): number {
    return (this.queued / this.rate) * 1000;
  }

  get isSpeaking(): boolean {
    return this.speaking;
  }

  push(pcm: Int16Array, rate: number, receivedAt: number): void {
    // Gemini's 24 kHz matches the encoder, so normally nothing is resampled here.
    if (rate !== this.rate && this.resampler?.inRate !== rate) this.resampler = new Resampler(rate, this.rate);
    const f = rate === this.rate ? int16ToFloat(pcm) : this.resampler!.process(int16ToFloat(pcm));
    if (f.length === 0) return;
    if (this.queued === 0) this.pendingArrival = receivedAt;
    this.queue.push(f);
    this.queued += f.length;
    this.finishing = false;
  }

  /** The model finished its turn: stop speaking once the queue drains. */
  finish(): void {
    this.finishing = true;
    if (this.queued === 0 && this.speaking) this.stop();
  }

  /** Barge-in: drop everything not yet sent, at once. */
  clear(): void {
    this.queue.length = 0;
    this.head = 0;
    this.queued = 0;
    this.pendingArrival = null;
    this.resampler?.reset();
    if (this.speaking) this.stop();
  }

  private stop(): void {
    this.speaking = false;
    this.finishing = false;
    this.events.onStopped();
  }

  /** Move up to one frame of queued audio into `this.frame` as 16-bit PCM (zero-padded), or just drop it. */
  private take(keep = true): void {
    const out = this.frame;
    let filled = 0;
    while (filled < this.frameLen && this.queue.length > 0) {
      const buf = this.queue[0]!;
      const n = Math.min(this.frameLen - filled, buf.length - this.head);
      if (keep) {
        for (let i = 0; i < n; i++) {
          const v = Math.round(buf[this.head + i]! * 32768);
          out[filled + i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
        }
      }
      filled += n;
      this.head += n;
      if (this.head >= buf.length) {
        this.queue.shift();
        this.head = 0;
      }
    }
    if (keep) out.fill(0, filled);
    this.queued -= filled;
  }

  private tick(slot: number, slotTime: number, skipped: number): void {
    if (this.slotBase < 0) this.slotBase = slot;
    // The clock gave up on slots after a stall: their audio is dropped, not sent late, so what the
    // caller hears stays in step with the RTP timestamps (and latency does not pile up stall by stall).
    for (let i = 0; i < skipped && this.queued > 0; i++) {
      this.take(false);
      this.metrics.frameSkipped();
    }
    // Wait for a full frame mid-turn (the model streams faster than real time); pad only the tail.
    const ready = this.queued >= this.frameLen || (this.queued > 0 && this.finishing);
    if (!ready) {
      if (this.speaking && ++this.idleSlots > 50) this.stop();
      return;
    }
    this.idleSlots = 0;
    const t0 = this.clock.now();
    this.take();
    const payload = this.codec.encode(this.frame);
    const marker = !this.speaking;
    this.seq = (this.seq + 1) & 0xffff;
    this.events.send({
      payload,
      sequenceNumber: this.seq,
      timestamp: (this.tsBase + (slot - this.slotBase) * FRAME_SAMPLES) >>> 0,
      marker,
    });
    const now = this.clock.now();
    this.metrics.frameSent(now - slotTime, now - t0);
    if (this.pendingArrival !== null) {
      this.metrics.outLatency(now - this.pendingArrival);
      this.pendingArrival = null;
    }
    if (marker) {
      this.speaking = true;
      this.events.onStarted();
    }
    if (this.queued === 0 && this.finishing) this.stop();
  }

  close(): void {
    this.unsubscribe();
    this.queue.length = 0;
    this.queued = 0;
  }
}
