import { JpegDecoder } from "./decoder.js";
import { FrameAssembler, type EncodedFrame, type VideoCodec, type VideoRtp } from "./depacketize.js";

export interface VideoReceiverOptions {
  codec: VideoCodec;
  /** Pictures per second handed on; the rest of the frames are never decoded. Default 1. */
  fps?: number;
  maxWidth?: number;
  /** Ask the sender for a key frame (RTCP PLI): only key frames are decoded. */
  requestKeyframe(): void;
  /** A picture, with when its frame's first packet arrived (performance.now()). */
  onJpeg(jpeg: Buffer, frameAt: number): void;
  onError?(reason: string): void;
  now?: () => number;
}

/**
 * One incoming video track of a call: RTP → frames → about one JPEG a second. Only key
 * frames are decoded, and the sender is asked for one when the next picture is due, so a
 * picture costs one frame's decoding however fast the camera runs. Frames that come while
 * the decoder is busy are dropped.
 */
export class VideoReceiver {
  private readonly assembler: FrameAssembler;
  private readonly decoder: JpegDecoder;
  private readonly now: () => number;
  private readonly interval: number;
  private lastPicture = -Infinity;
  private lastAsk = -Infinity;
  framesReceived = 0;
  picturesOut = 0;
  bytesOut = 0;
  dropped = 0;

  constructor(private readonly opts: VideoReceiverOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.interval = 1000 / (opts.fps ?? 1);
    this.assembler = new FrameAssembler(opts.codec, (f) => this.onFrame(f), () => this.ask(), this.now);
    this.decoder = new JpegDecoder({
      codec: opts.codec,
      maxWidth: opts.maxWidth,
      onJpeg: (jpeg, src) => {
        this.picturesOut++;
        this.bytesOut += jpeg.length;
        opts.onJpeg(jpeg, src.firstPacketAt);
      },
      onExit: (reason) => reason !== "closed" && opts.onError?.(reason),
    });
  }

  push(rtp: VideoRtp): void {
    this.assembler.push(rtp);
    // Due for a picture and no key frame on its way: ask (at most every 300 ms).
    const t = this.now();
    if (t - this.lastPicture >= this.interval && t - this.lastAsk > 300) this.ask();
  }

  /** A picture is being decoded: a key frame arriving now would be dropped. */
  get busy(): boolean {
    return this.decoder.busy;
  }

  private ask(): void {
    this.lastAsk = this.now();
    this.opts.requestKeyframe();
  }

  private onFrame(f: EncodedFrame): void {
    this.framesReceived++;
    if (!f.keyframe) return;
    const t = this.now();
    if (t - this.lastPicture < this.interval * 0.8) return;
    if (!this.decoder.decode(f)) {
      this.dropped++;
      return;
    }
    this.lastPicture = t;
  }

  close(): void {
    this.decoder.close();
  }
}
