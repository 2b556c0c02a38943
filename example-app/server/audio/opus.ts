import OpusScript from "opusscript";
import { bytesToInt16 } from "./resampler.js";

export const OPUS_RATE = 48000;
export const FRAME_MS = 20;
const OPUS_SET_COMPLEXITY = 4010;
export const FRAME_SAMPLES = (OPUS_RATE * FRAME_MS) / 1000;

/** One Opus encoder/decoder pair per call (codec state is per stream). Mono at 48 kHz. */
export class OpusCodec {
  private encoder: OpusScript | null = null;
  private decoder: OpusScript | null = null;

  private enc(): OpusScript {
    if (!this.encoder) {
      this.encoder = new OpusScript(OPUS_RATE, 1, OpusScript.Application.VOIP);
      this.encoder.setBitrate(32000);
      // Complexity 5 halves encode time against the default 10, inaudibly for speech.
      this.encoder.encoderCTL(OPUS_SET_COMPLEXITY, 5);
    }
    return this.encoder;
  }

  private dec(): OpusScript {
    this.decoder ??= new OpusScript(OPUS_RATE, 1, OpusScript.Application.VOIP);
    return this.decoder;
  }

  /** Encode exactly one 20 ms frame of 48 kHz mono PCM. */
  encode(frame: Int16Array): Buffer {
    if (frame.length !== FRAME_SAMPLES) throw new Error(`Opus frame must be ${FRAME_SAMPLES} samples`);
    return Buffer.from(this.enc().encode(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), FRAME_SAMPLES));
  }

  /** Decode one Opus packet to 48 kHz mono PCM; a corrupt packet yields null, never a throw. */
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
