import { describe, expect, it } from "vitest";
import { FrameClock, type TimeSource } from "../../example-app/server/audio/clock.js";
import { OutboundAudio, type RtpOut } from "../../example-app/server/audio/outbound.js";
import type { OpusCodec } from "../../example-app/server/audio/opus.js";
import { Metrics } from "../../example-app/server/metrics.js";

/**
 * Simulated time: timers fire in order, each woken late by a pseudo-random amount as on a busy box
 * (mostly 0–8 ms, now and then a 60–250 ms stall). Nothing sleeps; 60 s of call run in moments.
 */
class SimulatedTime implements TimeSource {
  t = 1000;
  private timers: { id: number; due: number; fn: () => void }[] = [];
  private nextId = 1;
  private seed = 12345;
  now(): number {
    return this.t;
  }
  setTimer(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, due: this.t + ms + this.lateness(), fn });
    return id;
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }
  /** Run timers until simulated time reaches `end`. */
  runUntil(end: number): void {
    while (this.timers.length > 0) {
      this.timers.sort((a, b) => a.due - b.due);
      const next = this.timers[0]!;
      if (next.due > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.due);
      next.fn();
    }
    this.t = Math.max(this.t, end);
  }
  private random(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }
  private lateness(): number {
    const r = this.random();
    return r < 0.01 ? 60 + 190 * this.random() : 8 * this.random();
  }
}

describe("outbound clock over a long call", () => {
  it("a 60 s call: RTP timestamp advance matches elapsed time within one frame, through jitter and stalls", () => {
    const time = new SimulatedTime();
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
