import { describe, expect, it } from "vitest";
import { FrameClock } from "../../example-app/server/audio/clock.js";
import { OutboundAudio, type RtpOut } from "../../example-app/server/audio/outbound.js";
import type { OpusCodec } from "../../example-app/server/audio/opus.js";
import { Metrics } from "../../example-app/server/metrics.js";
import { SimulatedTime } from "./simulatedTime.js";

/**
 * Each timer woken late by a pseudo-random amount as on a busy box (mostly 0–8 ms, now and then a
 * 60–250 ms stall).
 */
function busyBoxLateness(): () => number {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return () => {
    const r = random();
    return r < 0.01 ? 60 + 190 * random() : 8 * random();
  };
}

describe("outbound clock over a long call", () => {
  it("a 60 s call: RTP timestamp advance matches elapsed time within one frame, through jitter and stalls", () => {
    const time = new SimulatedTime(busyBoxLateness());
    const clock = new FrameClock(20, 4, time);
    const codec = { encodeRate: 24000, encodeFrameSamples: 480, encode: () => Buffer.alloc(3) } as unknown as OpusCodec;
    const metrics = new Metrics();
    const sent: { p: RtpOut; at: number }[] = [];
    const out = new OutboundAudio(codec, clock, { send: (p) => sent.push({ p, at: time.now() }), onStarted: () => {}, onStopped: () => {} }, metrics);
    // The model streams ahead of real time: keep ~1 s queued, as 100 ms chunks at 24 kHz.
    const chunk = new Int16Array(2400).fill(2000);
    const start = time.now();
    const end = start + 60_000;
    while (time.now() < end) {
      while (out.queuedMs < 1000) out.push(chunk, 24000, time.now());
      time.runUntil(Math.min(end, time.now() + 100));
    }
    out.close();
    expect(FrameClock.running).toBe(0);

    const first = sent[0]!;
    const drift = sent.map(({ p, at }) => ((((p.timestamp - first.p.timestamp) >>> 0) / 48000) * 1000) - (at - first.at));
    // A packet that leaves late shows as negative drift by its own lateness; a timestamp must never
    // run ahead of the wall clock, nor fall behind by more than the worst wake-up plus one frame.
    const snap = metrics.snapshot();
    expect(Math.max(...drift)).toBeLessThanOrEqual(20);
    expect(Math.min(...drift)).toBeGreaterThanOrEqual(-(snap.lateness.max + 20));
    // Accumulated drift over the whole call: over its last second, the typical packet's timestamp
    // advance equals the elapsed time within one frame. (Counting sent frames instead of clock
    // slots would be behind here by every skipped slot: seconds, not milliseconds.)
    const tail = drift.slice(-50).sort((x, y) => x - y);
    expect(Math.abs(tail[25]!)).toBeLessThanOrEqual(20);
    expect(sent[sent.length - 1]!.at - first.at).toBeGreaterThan(59_900);
    // The stalls were real: the clock gave up on slots, and the timestamps moved on regardless.
    expect(snap.framesSkipped).toBeGreaterThan(0);
    expect(sent.length + snap.framesSkipped).toBeGreaterThanOrEqual(2995);
    console.info(`drift over 60 s: last-second median ${tail[25]!.toFixed(2)} ms, range ${Math.min(...drift).toFixed(1)}..${Math.max(...drift).toFixed(1)} ms, ${sent.length} sent, ${snap.framesSkipped} skipped`);
  });
});
