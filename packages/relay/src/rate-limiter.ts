/**
 * Token bucket per key: `burst` messages at once, refilled at `perSecond`. Past the burst a
 * message is delayed (backpressure) rather than refused, so a client that reconnects with a
 * long offline queue is slowed, not cut off; only when the wait would exceed `maxWaitMs` is it
 * refused, which bounds what a runaway or hostile client can make the relay hold.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxWaitMs = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves one message for `key`: milliseconds to wait before handling it, or -1 to refuse. */
  reserve(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    const wait = b.tokens >= 1 ? 0 : ((1 - b.tokens) / this.perSecond) * 1000;
    if (wait > this.maxWaitMs) return -1;
    b.tokens -= 1;
    return wait;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
