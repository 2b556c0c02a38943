import { RTVIEvent, type PipecatClient, type RTVIMessage } from "@pipecat-ai/client-js";
import { MESSAGE_EVENTS } from "./messageEvents";
import { sanitizeForClient } from "./sanitize";

/** One session listening to a client's RTVI messages. */
export interface TapSubscriber {
  /** Every RTVI message from the bot, and every error client-js reports, exactly once. */
  onMessage(message: unknown): void;
  /** Read at each fatal bot error: true keeps the call up (the error is still recorded). */
  keepCallOnFatal(): boolean;
}

/**
 * How messages reach the kit: `transport` reads every message on the transport's message
 * path before client-js does; `events` rebuilds them from client-js's events, which carry no
 * `bot-interrupted` (and no unknown types) and cannot keep a call up after a fatal error.
 */
export type MessageRoute = "transport" | "events";

interface Handle {
  _onMessage?: (ev: RTVIMessage) => void;
}

type Loose = { on(e: string, h: (...args: never[]) => void): void; off(e: string, h: (...args: never[]) => void): void };

class Tap {
  readonly subscribers = new Set<TapSubscriber>();
  route: MessageRoute = "events";
  private original: ((ev: RTVIMessage) => void) | null = null;
  private patch: ((ev: RTVIMessage) => void) | null = null;
  // Inside the patched handler: client-js's own Error event for that message is the same error.
  private depth = 0;
  private offs: Array<() => void> = [];

  constructor(private readonly client: PipecatClient) {}

  private fanOut(message: unknown): void {
    for (const s of [...this.subscribers]) {
      // A subscriber that left during this delivery gets nothing more.
      if (this.subscribers.has(s)) s.onMessage(message);
    }
  }

  private keepCall(): boolean {
    if (this.subscribers.size === 0) return false;
    // The call stays up only when every session bound to this client asked for it.
    for (const s of this.subscribers) if (!s.keepCallOnFatal()) return false;
    return true;
  }

  private transport(): Handle | undefined {
    return (this.client as unknown as { _transport?: Handle })._transport;
  }

  start(): void {
    const emitter = this.client as unknown as Loose;
    const on = (event: RTVIEvent, h: (...args: never[]) => void): void => {
      emitter.on(event, h);
      this.offs.push(() => emitter.off(event, h));
    };
    this.route = this.installPatch() ? "transport" : "events";
    // Errors client-js raises itself (a failed start, a transport failure) never pass the message path.
    on(RTVIEvent.Error, (ev: RTVIMessage) => {
      if (this.route === "events" || this.depth === 0) this.fanOut(ev);
    });
    if (this.route === "events") {
      on(RTVIEvent.MessageError, (ev: RTVIMessage) => this.fanOut(ev));
      for (const [event, type] of MESSAGE_EVENTS) on(event, (data?: unknown) => this.fanOut({ label: "rtvi-ai", type, data }));
    }
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
    const t = this.transport();
    if (!t || !this.patch || !this.original || t._onMessage !== this.patch) return;
    // Ours is on top: restore. Otherwise someone wrapped ours, and restoring would drop theirs:
    // ours stays in their chain as a plain relay and is reused by the next subscriber.
    t._onMessage = this.original;
    this.patch = null;
    this.original = null;
  }

  /** Installs (or reuses) the one patch of this client's message path; false when it has none. */
  private installPatch(): boolean {
    const t = this.transport();
    if (!t) return false;
    if (this.patch) return true;
    const original = t._onMessage;
    if (typeof original !== "function") return false;
    const patch = (ev: RTVIMessage): void => {
      this.fanOut(ev);
      let forClient = sanitizeForClient(ev);
      const m = forClient as unknown as { type?: unknown; data?: { fatal?: unknown } };
      // client-js disconnects on any fatal `error`; it only sees one when the call may end.
      if (m.type === "error" && m.data?.fatal === true && this.keepCall()) forClient = { ...forClient, data: { ...m.data, fatal: false } } as RTVIMessage;
      this.depth++;
      try {
        original.call(t, forClient);
      } finally {
        this.depth--;
      }
    };
    try {
      t._onMessage = patch;
    } catch {
      return false;
    }
    // A read-only or accessor field may ignore the write: only a patch that took counts.
    if (t._onMessage !== patch) return false;
    this.original = original;
    this.patch = patch;
    return true;
  }
}

const taps = new WeakMap<PipecatClient, Tap>();

/**
 * Subscribes to every RTVI message of a client through one shared tap per client, however
 * many sessions bind to it and in whatever order they leave: the message path is patched
 * once, restored when the last subscriber leaves, and nobody is called after leaving.
 */
export function tapClient(client: PipecatClient, subscriber: TapSubscriber): { readonly route: MessageRoute; unsubscribe(): void } {
  let tap = taps.get(client);
  if (!tap) {
    tap = new Tap(client);
    taps.set(client, tap);
  }
  const t = tap;
  if (t.subscribers.size === 0) t.start();
  t.subscribers.add(subscriber);
  let live = true;
  return {
    route: t.route,
    unsubscribe() {
      if (!live) return;
      live = false;
      t.subscribers.delete(subscriber);
      if (t.subscribers.size === 0) t.stop();
    },
  };
}
