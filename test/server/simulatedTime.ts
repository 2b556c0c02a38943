import type { TimeSource } from "../../example-app/server/audio/clock.js";

/**
 * Simulated time for the frame clock: timers fire in order, each `lateness()` ms after it was due
 * (none by default). Nothing sleeps, so a long call runs in moments.
 */
export class SimulatedTime implements TimeSource {
  t = 1000;
  private timers: { id: number; due: number; fn: () => void }[] = [];
  private nextId = 1;

  constructor(private readonly lateness: () => number = () => 0) {}

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
  advance(ms: number): void {
    this.runUntil(this.t + ms);
  }
}
