/**
 * Per-address token buckets: `perMinute` requests a minute, in bursts of up to `perMinute`.
 * The map of addresses is bounded too: a flood from many addresses evicts the least recently
 * seen bucket instead of growing without end.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    readonly perMinute: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Take one token for `key`: 0 when allowed, else the milliseconds until one is free. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0;
    const t = this.now();
    const b = this.buckets.get(key);
    let tokens = this.perMinute;
    if (b) {
      tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * this.refillPerMs);
      // Re-inserting keeps the map in least-recently-seen order for eviction.
      this.buckets.delete(key);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: t });
      return Math.ceil((1 - tokens) / this.refillPerMs);
    }
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return 0;
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** The client's address as the socket sees it, IPv4-mapped IPv6 written as plain IPv4. */
export function clientAddress(remote: string | undefined): string {
  if (!remote) return "unknown";
  return remote.startsWith("::ffff:") ? remote.slice(7) : remote;
}
