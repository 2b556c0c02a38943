/**
 * One AudioContext per provider, reference-counted: created when the first user acquires
 * it and closed when the last releases it (or the provider goes away). Closing frees every
 * node made on it; browsers also cap live contexts, and the anchors leak one per visualizer.
 */
export interface SharedAudioContext {
  /** The context, created if needed, with one more user; null where Web Audio is unavailable (SSR, jsdom). */
  acquire(): AudioContext | null;
  /** One user fewer; the last one out closes the context. */
  release(): void;
  /** Whether a context is currently open. */
  readonly open: boolean;
  /** Resumes an open, suspended context (call from a user gesture). */
  resume(): void;
  /** Closes the context whoever still holds it (provider unmount). */
  close(): void;
}

export function createSharedAudioContext(): SharedAudioContext {
  let ctx: AudioContext | null = null;
  let users = 0;
  const close = (): void => {
    const c = ctx;
    ctx = null;
    users = 0;
    if (c && c.state !== "closed") void c.close().catch(() => undefined);
  };
  return {
    acquire() {
      if (!ctx) {
        const Ctor = typeof AudioContext === "function" ? AudioContext : undefined;
        if (!Ctor) return null;
        ctx = new Ctor();
      }
      // Created outside a user gesture, a context may start suspended and read silence.
      if (ctx.state === "suspended") void ctx.resume().catch(() => undefined);
      users++;
      return ctx;
    },
    release() {
      if (users > 0 && --users === 0) close();
    },
    get open() {
      return ctx !== null;
    },
    resume() {
      if (ctx?.state === "suspended") void ctx.resume().catch(() => undefined);
    },
    close,
  };
}
