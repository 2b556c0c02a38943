import OpusScript from "opusscript";
import { bytesToInt16 } from "./resampler.js";

/** Opus's RTP clock rate, whatever PCM rate the codec is fed or asked for. */
export const OPUS_RATE = 48000;
export const FRAME_MS = 20;
const OPUS_SET_COMPLEXITY = 4010;
/** Samples in one 20 ms frame at `rate` Hz. */
export const frameSamples = (rate: number): number => (rate * FRAME_MS) / 1000;
/** RTP timestamp step per 20 ms frame. */
export const FRAME_SAMPLES = frameSamples(OPUS_RATE);

export type OpusPcmRate = 8000 | 12000 | 16000 | 24000 | 48000;

/**
 * One Opus encoder/decoder pair per call (codec state is per stream), mono. Opus encodes from and
 * decodes to any of its PCM rates itself, so the bridge asks for the rates Gemini uses (16 kHz in,
 * 24 kHz out) instead of running its own 48 kHz resamplers: in the bench profile the 48→16 kHz
 * resample of every inbound frame was the largest single cost of a call.
 */
export class OpusCodec {
  private encoder: OpusScript | null = null;
  private decoder: OpusScript | null = null;
  /** PCM samples per 20 ms frame handed to encode(). */
  readonly encodeFrameSamples: number;

  constructor(
    readonly encodeRate: OpusPcmRate = OPUS_RATE,
    readonly decodeRate: OpusPcmRate = OPUS_RATE,
  ) {
    this.encodeFrameSamples = frameSamples(encodeRate);
  }

  private enc(): OpusScript {
    if (!this.encoder) {
      this.encoder = new OpusScript(this.encodeRate, 1, OpusScript.Application.VOIP);
      this.encoder.setBitrate(32000);
      // Complexity 5 halves encode time against the default 10, inaudibly for speech.
      this.encoder.encoderCTL(OPUS_SET_COMPLEXITY, 5);
    }
    return this.encoder;
  }

  private dec(): OpusScript {
    this.decoder ??= new OpusScript(this.decodeRate, 1, OpusScript.Application.VOIP);
    return this.decoder;
  }

  /** Encode exactly one 20 ms frame of mono PCM at `encodeRate`. */
  encode(frame: Int16Array): Buffer {
    const n = this.encodeFrameSamples;
    if (frame.length !== n) throw new Error(`Opus frame must be ${n} samples`);
    return Buffer.from(this.enc().encode(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), n));
  }

  /** Decode one Opus packet to mono PCM at `decodeRate`; a corrupt packet yields null, never a throw. */
  decode(packet: Buffer): Int16Array | null {
    try {
      return bytesToInt16(this.dec().decode(packet));
    } catch {
      return null;
    }
  }

  close(): void {
    this.encoder?.delete();
    this.decoder?.delete();
    this.encoder = null;
    this.decoder = null;
  }
}
