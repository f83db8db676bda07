// A token bucket per client address. Written by hand: 30 lines, one process, in memory; the maintained Hono limiters
// bring a store abstraction and header conventions this local, single-process server does not need.

export interface RateLimitOptions {
  /** Requests a client may make at once after being idle. */
  burst: number;
  /** Requests per second refilled. */
  perSecond: number;
}

export interface RateLimiter {
  /** Takes one request from the client's bucket: 0 when allowed, else the seconds until one is. */
  take(client: string, now?: number): number;
}

/** Buckets kept before full (idle) ones are dropped: memory stays bounded whatever the number of clients. */
const MAX_CLIENTS = 10_000;

export function rateLimiter(o: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const level = (b: { tokens: number; at: number }, now: number) => Math.min(o.burst, b.tokens + ((now - b.at) / 1000) * o.perSecond);
  return {
    take(client, now = Date.now()) {
      if (buckets.size >= MAX_CLIENTS && !buckets.has(client)) {
        for (const [k, b] of buckets) if (level(b, now) >= o.burst) buckets.delete(k);
        // all busy: forget the oldest rather than grow
        if (buckets.size >= MAX_CLIENTS) buckets.delete(buckets.keys().next().value!);
      }
      const b = buckets.get(client) ?? { tokens: o.burst, at: now };
      b.tokens = level(b, now);
      b.at = now;
      buckets.set(client, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - b.tokens) / o.perSecond);
    },
  };
}
