import { frameSamples } from "../../audio/opus.js";
import { bytesToInt16 } from "../../audio/resampler.js";
import type { FrameCodec } from "../types.js";

/**
 * The WebSocket transport's "codec": raw s16le mono both ways, 20 ms frames at the output rate.
 * Encode copies, because the call reuses one frame buffer for every frame it sends.
 */
export class PcmCodec implements FrameCodec {
  readonly encodeFrameSamples: number;

  constructor(readonly encodeRate = 24000) {
    this.encodeFrameSamples = frameSamples(encodeRate);
  }

  encode(frame: Int16Array): Buffer {
    return Buffer.from(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
  }

  decode(packet: Buffer): Int16Array | null {
    return packet.length >= 2 ? bytesToInt16(packet) : null;
  }

  close(): void {}
}
