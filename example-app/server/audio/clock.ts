import { performance } from "node:perf_hooks";

/** slot: index since the clock started; slotTime: when it was due; skipped: slots given up since the last call. */
export type TickHandler = (slot: number, slotTime: number, skipped: number) => void;

/** Where the clock gets time and timers from; tests inject a simulated one to run a long call instantly. */
export interface TimeSource {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realTime: TimeSource = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * A 20 ms clock. Each slot's time is computed from the start time (t0 + k·period), never by adding up
 * timer delays, so it cannot drift however long a call lasts.
 *
 * A late wake-up runs at most `maxCatchUp` overdue slots plus the current one and skips the rest.
 * The bench showed why the cap must be small: with 10 slots of catch-up, every call's clock woke
 * from a 100–200 ms stall and encoded ~10 frames back to back, and those bursts (10 calls × 11 frames
 * × ~0.5 ms) were themselves the next stall. Up to ~100 ms late a frame is still useful to the
 * listener's jitter buffer; older ones would mostly be discarded there anyway.
 */
export class FrameClock {
  /** Clocks with a live timer, across the process (leak checks). */
  static running = 0;
  private readonly handlers = new Set<TickHandler>();
  private timer: unknown = null;
  private t0 = 0;
  private next = 0;

  constructor(
    readonly periodMs = 20,
    private readonly maxCatchUp = 4,
    private readonly time: TimeSource = realTime,
  ) {}

  now(): number {
    return this.time.now();
  }

  /** Current slot index (the slot whose start time has most recently passed). */
  currentSlot(): number {
    return this.timer !== null ? Math.floor((this.time.now() - this.t0) / this.periodMs) : 0;
  }

  slotTime(slot: number): number {
    return this.t0 + slot * this.periodMs;
  }

  subscribe(fn: TickHandler): () => void {
    this.handlers.add(fn);
    if (this.timer === null) {
      this.t0 = this.time.now();
      this.next = 0;
      FrameClock.running++;
      this.schedule();
    }
    return () => {
      this.handlers.delete(fn);
      if (this.handlers.size === 0 && this.timer !== null) {
        this.time.clearTimer(this.timer);
        this.timer = null;
        FrameClock.running--;
      }
    };
  }

  get subscribers(): number {
    return this.handlers.size;
  }

  private schedule(): void {
    const delay = Math.max(0, this.t0 + this.next * this.periodMs - this.time.now());
    this.timer = this.time.setTimer(() => this.run(), delay);
  }

  private run(): void {
    const due = Math.floor((this.time.now() - this.t0) / this.periodMs);
    let skipped = 0;
    if (due - this.next > this.maxCatchUp) {
      skipped = due - this.maxCatchUp - this.next;
      this.next = due - this.maxCatchUp;
    }
    for (; this.next <= due; this.next++) {
      const slotTime = this.slotTime(this.next);
      for (const fn of this.handlers) {
        try {
          fn(this.next, slotTime, skipped);
        } catch {
          // A failing call must not stop the clock for every other call.
        }
      }
      skipped = 0;
      if (this.handlers.size === 0) break;
    }
    if (this.handlers.size > 0) this.schedule();
    else if (this.timer !== null) {
      this.timer = null;
      FrameClock.running--;
    }
  }
}
