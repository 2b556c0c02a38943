/** Server-wide figures for stats() and the bench: frame lateness and the bridge's own latency. */
export interface MetricsSnapshot {
  framesSent: number;
  framesLate: number;
  /** Frames whose slot the clock gave up on after a stall (their audio was dropped, not sent). */
  framesSkipped: number;
  /** Slots that had audio queued whose frame was still being encoded ahead (it went out the moment it was back). */
  framesNotReady: number;
  /** Milliseconds, mean and 95th percentile. */
  lateness: Summary;
  /** The server loop's time per frame sent: taking it, encoding it unless it was encoded ahead, sending it. */
  frameWorkMs: Summary;
  /** RTP packet in → PCM handed to the Gemini socket. */
  inLatency: Summary;
  /** Gemini audio chunk in → first RTP packet carrying it (when it did not wait behind queued audio). */
  outLatency: Summary;
  /** Data-channel messages the per-call gate let through, and those it dropped (too large, too fast). */
  channelAdmitted: number;
  channelDropped: number;
  /** Video: frames received (all tracks), JPEGs made, JPEGs sent to the model, their bytes; latency = frame's first packet in → JPEG on the Gemini socket. */
  video: { frames: number; pictures: number; sent: number; bytes: number; latency: Summary; activeTracks: number };
}

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

const CAP = 200_000;

class Series {
  private values: number[] = [];
  add(v: number): void {
    if (this.values.length < CAP) this.values.push(v);
    else this.values[Math.floor(Math.random() * CAP)] = v;
  }
  summary(): Summary {
    const v = [...this.values].sort((a, b) => a - b);
    const n = v.length;
    if (n === 0) return { n: 0, mean: 0, p50: 0, p95: 0, max: 0 };
    const at = (q: number): number => v[Math.min(n - 1, Math.floor(q * n))]!;
    return { n, mean: v.reduce((s, x) => s + x, 0) / n, p50: at(0.5), p95: at(0.95), max: v[n - 1]! };
  }
}

export class Metrics {
  private sent = 0;
  private late = 0;
  private skipped = 0;
  private notReady = 0;
  private admitted = 0;
  private dropped = 0;
  private lateness = new Series();
  private work = new Series();
  private inLat = new Series();
  private outLat = new Series();

  private video = { frames: 0, pictures: 0, sent: 0, bytes: 0, latency: new Series() };
  /** Incoming video tracks being decoded now, across calls (a gauge: not reset). */
  private videoActive = 0;

  videoTrack(delta: 1 | -1): void {
    this.videoActive += delta;
  }

  constructor(readonly lateThresholdMs = 5) {}

  videoFrame(): void {
    this.video.frames++;
  }

  videoPicture(bytes: number, sentAfterMs: number | null): void {
    this.video.pictures++;
    if (sentAfterMs === null) return;
    this.video.sent++;
    this.video.bytes += bytes;
    this.video.latency.add(sentAfterMs);
  }

  frameSent(latenessMs: number, workMs: number): void {
    this.sent++;
    if (latenessMs > this.lateThresholdMs) this.late++;
    this.lateness.add(latenessMs);
    this.work.add(workMs);
  }

  frameNotReady(): void {
    this.notReady++;
  }

  frameSkipped(): void {
    this.skipped++;
  }

  channelMessage(admitted: boolean): void {
    if (admitted) this.admitted++;
    else this.dropped++;
  }

  inLatency(ms: number): void {
    this.inLat.add(ms);
  }

  outLatency(ms: number): void {
    this.outLat.add(ms);
  }

  reset(): void {
    this.sent = 0;
    this.late = 0;
    this.skipped = 0;
    this.notReady = 0;
    this.admitted = 0;
    this.dropped = 0;
    this.lateness = new Series();
    this.work = new Series();
    this.inLat = new Series();
    this.outLat = new Series();
    this.video = { frames: 0, pictures: 0, sent: 0, bytes: 0, latency: new Series() };
  }

  snapshot(): MetricsSnapshot {
    return {
      framesSent: this.sent,
      framesLate: this.late,
      framesSkipped: this.skipped,
      framesNotReady: this.notReady,
      lateness: this.lateness.summary(),
      frameWorkMs: this.work.summary(),
      inLatency: this.inLat.summary(),
      outLatency: this.outLat.summary(),
      channelAdmitted: this.admitted,
      channelDropped: this.dropped,
      video: { ...this.video, latency: this.video.latency.summary(), activeTracks: this.videoActive },
    };
  }
}
