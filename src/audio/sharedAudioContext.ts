/**
 * One AudioContext per provider, created on first need and closed when the provider goes
 * away. Browsers cap live contexts, and the anchors leak one per visualizer.
 */
export interface SharedAudioContext {
  /** The context, created on first call; null where Web Audio is unavailable (SSR, jsdom). */
  get(): AudioContext | null;
  /** Whether a context is currently open. */
  readonly open: boolean;
  close(): void;
}

export function createSharedAudioContext(): SharedAudioContext {
  let ctx: AudioContext | null = null;
  return {
    get() {
      if (ctx) return ctx;
      const Ctor = typeof AudioContext === "function" ? AudioContext : undefined;
      if (!Ctor) return null;
      ctx = new Ctor();
      return ctx;
    },
    get open() {
      return ctx !== null;
    },
    close() {
      const c = ctx;
      ctx = null;
      if (c && c.state !== "closed") void c.close().catch(() => undefined);
    },
  };
}
