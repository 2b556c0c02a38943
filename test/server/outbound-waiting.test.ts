import { describe, expect, it } from "vitest";
import { FrameClock } from "../../example-app/server/audio/clock.js";
import { FramesOnSlot, type FrameQueue } from "../../example-app/server/audio/frames.js";
import { OutboundAudio, type RtpOut } from "../../example-app/server/audio/outbound.js";
import { Metrics } from "../../example-app/server/metrics.js";
import { SimulatedTime } from "./simulatedTime.js";

/** Frames encoded "elsewhere": each is ready only once the test releases it, as the encoder thread's would be. */
class LaggingFrames implements FrameQueue {
  private readonly inner = new FramesOnSlot({ encodeFrameSamples: 480, encode: (f) => Buffer.from([f[0]! & 0xff]) });
  private released = 0;
  private listener: (() => void) | null = null;
  get queued(): number {
    return this.inner.queued;
  }
  push(pcm: Int16Array): void {
    this.inner.push(pcm);
  }
  pad(): void {
    this.inner.pad();
  }
  take(): Buffer | null {
    if (this.released === 0) return null;
    this.released--;
    return this.inner.take();
  }
  drop(): void {
    this.inner.drop();
  }
  clear(): void {
    this.inner.clear();
  }
  onReady(fn: () => void): void {
    this.listener = fn;
  }
  release(n: number): void {
    this.released += n;
    const fn = this.listener;
    this.listener = null;
    fn?.();
  }
  close(): void {}
}

/** PCM whose k-th frame starts with sample value k + 1, so a payload says which frame it is. */
function numbered(frames: number): Int16Array {
  const pcm = new Int16Array(frames * 480);
  for (let k = 0; k < frames; k++) pcm[k * 480] = k + 1;
  return pcm;
}

function setup() {
  const time = new SimulatedTime();
  const clock = new FrameClock(20, 4, time);
  const frames = new LaggingFrames();
  const metrics = new Metrics();
  const sent: { p: RtpOut; at: number }[] = [];
  const out = new OutboundAudio({ encodeRate: 24000, encodeFrameSamples: 480, encode: () => Buffer.alloc(0) }, clock, { send: (p) => sent.push({ p, at: time.now() }), onStarted: () => {}, onStopped: () => {} }, metrics, frames);
  return { time, frames, metrics, sent, out };
}

describe("a frame encoded ahead that is not back when its slot comes", () => {
  it("goes out the moment it is back, in that slot's place, its lateness counted; the next frame keeps the grid", () => {
    const { time, frames, metrics, sent, out } = setup();
    time.advance(5);
    out.push(numbered(3), 24000, time.now());
    time.advance(15); // the first slot after the push: nothing back yet
    expect(sent).toHaveLength(0);
    expect(metrics.snapshot().framesNotReady).toBe(1);
    time.advance(3);
    frames.release(3);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.p.payload[0]).toBe(1);
    expect(sent[0]!.p.marker).toBe(true);
    expect(metrics.snapshot().lateness.max).toBeCloseTo(3, 5);
    time.advance(17);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.p.payload[0]).toBe(2);
    expect((sent[1]!.p.timestamp - sent[0]!.p.timestamp) >>> 0).toBe(960);
    expect(sent[1]!.at - sent[0]!.at).toBeCloseTo(17, 5);
    out.close();
  });

  it("still not back at the next slot: the first slot is given up and the frame takes the later one", () => {
    const { time, frames, metrics, sent, out } = setup();
    time.advance(5);
    out.push(numbered(2), 24000, time.now());
    time.advance(15 + 20); // two slots pass
    expect(metrics.snapshot().framesNotReady).toBe(2);
    frames.release(2);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.p.payload[0]).toBe(1);
    time.advance(20);
    expect(sent).toHaveLength(2);
    // Frame 1 took slot 2's place and frame 2 slot 3's: one frame apart on the wire.
    expect((sent[1]!.p.timestamp - sent[0]!.p.timestamp) >>> 0).toBe(960);
    out.close();
  });

  it("a barge-in while it is awaited: nothing goes out when it comes back", () => {
    const { time, frames, sent, out } = setup();
    time.advance(5);
    out.push(numbered(2), 24000, time.now());
    time.advance(15);
    out.clear();
    frames.release(2);
    time.advance(40);
    expect(sent).toHaveLength(0);
    out.close();
  });
});
