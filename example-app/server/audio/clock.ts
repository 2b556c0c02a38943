import { performance } from "node:perf_hooks";

export type TickHandler = (slot: number, slotTime: number) => void;

/**
 * A shared 20 ms clock. Each slot's time is computed from the start time (t0 + k·period), never by
 * adding up timer delays, so it cannot drift however long a call lasts. A late wake-up runs every
 * due slot; after a long stall it skips ahead rather than bursting seconds of audio.
 */
export class FrameClock {
  /** Clocks with a live timer, across the process (leak checks). */
  static running = 0;
  private readonly handlers = new Set<TickHandler>();
  private timer: NodeJS.Timeout | null = null;
  private t0 = 0;
  private next = 0;

  constructor(
    readonly periodMs = 20,
    private readonly maxCatchUp = 10,
  ) {}

  now(): number {
    return performance.now();
  }

  /** Current slot index (the slot whose start time has most recently passed). */
  currentSlot(): number {
    return this.timer ? Math.floor((performance.now() - this.t0) / this.periodMs) : 0;
  }

  slotTime(slot: number): number {
    return this.t0 + slot * this.periodMs;
  }

  subscribe(fn: TickHandler): () => void {
    this.handlers.add(fn);
    if (!this.timer) {
      this.t0 = performance.now();
      this.next = 0;
      FrameClock.running++;
      this.schedule();
    }
    return () => {
      this.handlers.delete(fn);
      if (this.handlers.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        FrameClock.running--;
      }
    };
  }

  get subscribers(): number {
    return this.handlers.size;
  }

  private schedule(): void {
    const delay = Math.max(0, this.t0 + this.next * this.periodMs - performance.now());
    this.timer = setTimeout(() => this.run(), delay);
  }

  private run(): void {
    const due = Math.floor((performance.now() - this.t0) / this.periodMs);
    if (due - this.next > this.maxCatchUp) this.next = due - this.maxCatchUp;
    for (; this.next <= due; this.next++) {
      const slotTime = this.slotTime(this.next);
      for (const fn of this.handlers) {
        try {
          fn(this.next, slotTime);
        } catch {
          // A failing call must not stop the clock for every other call.
        }
      }
      if (this.handlers.size === 0) break;
    }
    if (this.handlers.size > 0) this.schedule();
    else if (this.timer) {
      this.timer = null;
      FrameClock.running--;
    }
  }
}

