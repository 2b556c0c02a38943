/** Called with each level reading, 0..1. */
export type LevelListener = (level: number) => void;

/**
 * One stream of audio levels (the mic or the bot). Readings go straight to subscribers,
 * never through React state; `get()` returns the latest for code that pulls (a canvas
 * in its own frame loop).
 */
export interface LevelChannel {
  get(): number;
  subscribe(listener: LevelListener): () => void;
  /** Publishes a reading. `fromEvent` marks transport-provided levels, which win over the analyser. */
  push(level: number, fromEvent?: boolean): void;
  readonly listenerCount: number;
  /** When the last transport-provided reading arrived (ms, performance clock), or -Infinity. */
  readonly lastEventAt: number;
}

const clamp = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const clock = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export function createLevelChannel(onListenersChange?: () => void): LevelChannel {
  const listeners = new Set<LevelListener>();
  let level = 0;
  let lastEventAt = Number.NEGATIVE_INFINITY;
  return {
    get: () => level,
    subscribe(listener) {
      listeners.add(listener);
      onListenersChange?.();
      return () => {
        listeners.delete(listener);
        onListenersChange?.();
      };
    },
    push(value, fromEvent = false) {
      level = clamp(value);
      if (fromEvent) lastEventAt = clock();
      for (const l of listeners) l(level);
    },
    get listenerCount() {
      return listeners.size;
    },
    get lastEventAt() {
      return lastEventAt;
    },
  };
}
