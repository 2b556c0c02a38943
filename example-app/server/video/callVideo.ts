import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { VideoCodec, VideoRtp } from "./depacketize.js";
import { VideoReceiver } from "./receiver.js";

/** SmallWebRTC's transceivers: mid 1 (receiver index 1) is the camera, mid 2 the screen. */
export type VideoSource = "camera" | "screen";
const SOURCE: Record<string, VideoSource> = { "1": "camera", "2": "screen" };

export interface CallVideoOptions {
  /** Hands a picture to the model; false when it could not go out (then it is dropped). */
  send(jpeg: Buffer): boolean;
  metrics: Metrics;
  logger: Logger;
  fps?: number;
}

/** Counters a call reports (RTVI `client-message` "status", the e2e tests). */
export interface CallVideoStats {
  frames: number;
  pictures: number;
  sent: number;
  bytes: number;
  active: VideoSource[];
}

/**
 * The video side of one call: a receiver per incoming track, started by its first packet and
 * ended when the browser says the track is off (SmallWebRTC's `trackStatus`) or the call ends.
 * Nothing reaches the model while video is off.
 */
export class CallVideo {
  private readonly receivers = new Map<VideoSource, { codec: VideoCodec; rx: VideoReceiver }>();
  private readonly off = new Set<VideoSource>();
  private closed = false;
  readonly stats: CallVideoStats = { frames: 0, pictures: 0, sent: 0, bytes: 0, active: [] };

  constructor(private readonly opts: CallVideoOptions) {}

  onRtp(mid: string, codec: VideoCodec, rtp: VideoRtp, requestKeyframe: () => void): void {
    const source = SOURCE[mid];
    if (!source || this.closed || this.off.has(source)) return;
    let r = this.receivers.get(source);
    if (r && r.codec !== codec) {
      r.rx.close();
      r = undefined;
    }
    if (!r) {
      r = { codec, rx: this.receiver(source, codec, requestKeyframe) };
      this.receivers.set(source, r);
      this.opts.logger.info(`${source} video started (${codec})`);
      this.opts.metrics.videoTrack(1);
      this.refreshActive();
    }
    const before = r.rx.framesReceived;
    r.rx.push(rtp);
    if (r.rx.framesReceived > before) {
      this.stats.frames++;
      this.opts.metrics.videoFrame();
    }
  }

  private receiver(source: VideoSource, codec: VideoCodec, requestKeyframe: () => void): VideoReceiver {
    return new VideoReceiver({
      codec,
      fps: this.opts.fps,
      requestKeyframe,
      onJpeg: (jpeg, frameAt) => {
        this.stats.pictures++;
        if (this.off.has(source) || this.closed) return this.opts.metrics.videoPicture(jpeg.length, null);
        const sent = this.opts.send(jpeg);
        if (sent) {
          this.stats.sent++;
          this.stats.bytes += jpeg.length;
        }
        this.opts.metrics.videoPicture(jpeg.length, sent ? performance.now() - frameAt : null);
      },
      onError: (reason) => {
        this.opts.logger.warn(`${source} video decoder: ${reason}`);
        this.stop(source);
      },
    });
  }

  /** The browser turned a track on or off (trackStatus receiver_index 1 = camera, 2 = screen). */
  setEnabled(receiverIndex: number, enabled: boolean): void {
    const source = SOURCE[String(receiverIndex)];
    if (!source) return;
    if (enabled) this.off.delete(source);
    else {
      this.off.add(source);
      this.stop(source);
    }
  }

  private stop(source: VideoSource): void {
    const r = this.receivers.get(source);
    if (!r) return;
    r.rx.close();
    this.receivers.delete(source);
    this.opts.logger.info(`${source} video stopped`);
    this.opts.metrics.videoTrack(-1);
    this.refreshActive();
  }

  private refreshActive(): void {
    this.stats.active = [...this.receivers.keys()];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const source of [...this.receivers.keys()]) this.stop(source);
  }
}
