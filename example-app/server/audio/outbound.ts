import { FRAME_SAMPLES } from "./opus.js";
import { Resampler, floatToInt16, int16ToFloat } from "./resampler.js";
import type { FrameClock } from "./clock.js";
import { FramesOnSlot, type FrameQueue } from "./frames.js";
import type { FrameCodec } from "../transports/types.js";
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
 * another), queued as frames, and released one 20 ms frame per clock slot. RTP timestamps follow
 * the clock slot, so silence gaps stay honest. Where the frames are encoded is the queue's business
 * (`frames.ts`): in the slot by default, or ahead of it on the encoder thread.
 */
export class OutboundAudio {
  private resampler: Resampler | null = null;
  private seq = Math.floor(Math.random() * 0xffff);
  private readonly tsBase = Math.floor(Math.random() * 0xffffffff);
  private slotBase = -1;
  private speaking = false;
  private finishing = false;
  private idleSlots = 0;
  /** A slot that came before its frame was back from the encoder thread: the frame takes it on arrival. */
  private waiting: { slot: number; slotTime: number } | null = null;
  /** Arrival times of chunks that landed on an empty queue, matched to the frame that carries them. */
  private pendingArrival: number | null = null;
  private readonly unsubscribe: () => void;
  /** PCM rate and samples per frame of the encoder (RTP timestamps still step 960 per frame). */
  private readonly rate: number;
  private readonly frameLen: number;
  private readonly frames: FrameQueue;

  constructor(
    codec: Pick<FrameCodec, "encodeRate" | "encodeFrameSamples" | "encode">,
    private readonly clock: FrameClock,
    private readonly events: OutboundEvents,
    private readonly metrics: Metrics,
    frames?: FrameQueue,
  ) {
    this.rate = codec.encodeRate;
    this.frameLen = codec.encodeFrameSamples;
    this.frames = frames ?? new FramesOnSlot(codec);
    this.unsubscribe = clock.subscribe((slot, slotTime, skipped) => this.tick(slot, slotTime, skipped));
  }

  get queuedMs(): number {
    return (this.frames.queued / this.rate) * 1000;
  }

  get isSpeaking(): boolean {
    return this.speaking;
  }

  push(pcm: Int16Array, rate: number, receivedAt: number): void {
    // Gemini's 24 kHz matches the encoder, so normally nothing is resampled here.
    if (rate !== this.rate && this.resampler?.inRate !== rate) this.resampler = new Resampler(rate, this.rate);
    // A copy either way: the frames may outlive the buffer the model's message was decoded into.
    const f = rate === this.rate ? pcm.slice() : floatToInt16(this.resampler!.process(int16ToFloat(pcm)));
    if (f.length === 0) return;
    if (this.frames.queued === 0) this.pendingArrival = receivedAt;
    this.frames.push(f);
    this.finishing = false;
  }

  /** The model finished its turn: stop speaking once the queue drains. */
  finish(): void {
    this.finishing = true;
    this.frames.pad();
    if (this.frames.queued === 0 && this.speaking) this.stop();
  }

  /** Barge-in: drop everything not yet sent, at once. */
  clear(): void {
    this.frames.clear();
    this.waiting = null;
    this.pendingArrival = null;
    this.resampler?.reset();
    if (this.speaking) this.stop();
  }

  private stop(): void {
    this.speaking = false;
    this.finishing = false;
    this.events.onStopped();
  }

  private tick(slot: number, slotTime: number, skipped: number): void {
    if (this.slotBase < 0) this.slotBase = slot;
    // The clock gave up on slots after a stall: their audio is dropped, not sent late, so what the
    // caller hears stays in step with the RTP timestamps (and latency does not pile up stall by stall).
    for (let i = 0; i < skipped && this.frames.queued > 0; i++) {
      this.frames.drop();
      this.metrics.frameSkipped();
    }
    // Wait for a full frame mid-turn (the model streams faster than real time); the tail is padded.
    const queued = this.frames.queued;
    const ready = queued >= this.frameLen || (queued > 0 && this.finishing);
    if (!ready) {
      if (this.speaking && ++this.idleSlots > 50) this.stop();
      return;
    }
    const t0 = this.clock.now();
    const payload = this.frames.take();
    if (payload === null) {
      // Encoded ahead but not back yet: mostly a turn's first frame, whose PCM arrived a moment
      // before this slot. It goes out the moment it is back, in this slot's place (its lateness
      // counted as it is); waiting for the next slot would add 20 ms to the answer.
      this.metrics.frameNotReady();
      if (!this.waiting) this.frames.onReady(() => this.sendWaiting());
      this.waiting = { slot, slotTime };
      return;
    }
    this.waiting = null;
    this.sendFrame(payload, slot, slotTime, t0);
  }

  private sendWaiting(): void {
    const w = this.waiting;
    this.waiting = null;
    if (!w) return;
    const t0 = this.clock.now();
    const payload = this.frames.take();
    if (payload) this.sendFrame(payload, w.slot, w.slotTime, t0);
  }

  private sendFrame(payload: Buffer, slot: number, slotTime: number, t0: number): void {
    this.idleSlots = 0;
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
    if (this.frames.queued === 0 && this.finishing) this.stop();
  }

  close(): void {
    this.unsubscribe();
    this.waiting = null;
    this.frames.close();
  }
}
