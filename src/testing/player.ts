import type { ScriptEvent } from "./script";

/**
 * Plays timed events on setTimeout, so it runs in browsers, in Node and under fake
 * timers. Speed 1 is real time; `Infinity` delivers everything as fast as timers allow.
 */
export class ScriptPlayer {
  private queue: ScriptEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private origin = 0;
  private scriptTime = 0;
  private pausedFlag = false;
  /** A run is in progress: only then can running out of events settle `done`. */
  private running = false;
  private resolveDone: (() => void) | null = null;
  private donePromise: Promise<void>;

  constructor(
    private readonly deliver: (e: ScriptEvent) => void,
    private speed: number,
  ) {
    this.donePromise = this.freshDone();
  }

  private freshDone(): Promise<void> {
    return new Promise((r) => {
      this.resolveDone = r;
    });
  }

  /** Resolves once every queued event has been delivered, or the run was stopped. */
  get done(): Promise<void> {
    return this.donePromise;
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  get remaining(): number {
    return this.queue.length;
  }

  /** Starts a run of events, `at` counted from now. */
  start(events: readonly ScriptEvent[], startAt = 0): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.running = true;
    this.queue = events.slice();
    this.scriptTime = startAt;
    this.origin = Date.now();
    if (this.resolveDone === null) this.donePromise = this.freshDone();
    this.arm();
  }

  /** Adds events whose `at` is counted from the current script time. */
  append(events: readonly ScriptEvent[]): void {
    const base = this.now();
    const added = events.map((e) => ({ ...e, at: base + e.at }));
    this.queue = [...this.queue, ...added].sort((a, b) => a.at - b.at);
    this.running = true;
    if (this.resolveDone === null) this.donePromise = this.freshDone();
    this.arm();
  }

  /** Ends the run; `done` resolves (a test waiting on it must not hang when the session ends early). */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
    this.finish();
  }

  pause(): void {
    if (this.pausedFlag) return;
    this.scriptTime = this.now();
    this.pausedFlag = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  resume(): void {
    if (!this.pausedFlag) return;
    this.pausedFlag = false;
    this.origin = Date.now();
    this.arm();
  }

  /** Delivers the next event (and any at the same instant) at once. False when nothing is left. */
  step(): boolean {
    const next = this.queue[0];
    if (!next) return false;
    this.scriptTime = Math.max(this.now(), next.at);
    this.origin = Date.now();
    this.flush(this.scriptTime);
    if (!this.pausedFlag) this.arm();
    return true;
  }

  setSpeed(speed: number): void {
    this.scriptTime = this.now();
    this.origin = Date.now();
    this.speed = speed > 0 ? speed : 1;
    if (!this.pausedFlag) this.arm();
  }

  // Script time now. At infinite speed, time is simply the last delivered event's `at`.
  private now(): number {
    if (this.pausedFlag || this.speed === Infinity) return this.scriptTime;
    return this.scriptTime + (Date.now() - this.origin) * this.speed;
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pausedFlag) return;
    const next = this.queue[0];
    if (!next) {
      this.finish();
      return;
    }
    const wait = this.speed === Infinity ? 0 : Math.max(0, (next.at - this.now()) / this.speed);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush(this.speed === Infinity ? next.at : this.now());
      this.arm();
    }, wait);
  }

  private flush(until: number): void {
    while (this.queue.length > 0 && (this.queue[0] as ScriptEvent).at <= until) {
      const e = this.queue.shift() as ScriptEvent;
      if (this.speed === Infinity) this.scriptTime = Math.max(this.scriptTime, e.at);
      this.deliver(e);
    }
    if (this.queue.length === 0) this.finish();
  }

  private finish(): void {
    if (!this.running) return;
    this.running = false;
    const r = this.resolveDone;
    this.resolveDone = null;
    r?.();
  }
}
