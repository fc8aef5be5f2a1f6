import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('rate limiter', () => {
  it('allows a burst, then delays at the sustained rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 5, 1000, () => now);
    for (let i = 0; i < 5; i++) expect(limiter.reserve('a')).toBe(0);
    expect(limiter.reserve('a')).toBeCloseTo(100);
    expect(limiter.reserve('a')).toBeCloseTo(200);
    expect(limiter.reserve('b')).toBe(0);
    now += 300;
    expect(limiter.reserve('a')).toBe(0);
    expect(limiter.reserve('a')).toBeCloseTo(100);
  });

  it('refuses once the wait would exceed the bound, and recovers later', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 5, 1000, () => now);
    let accepted = 0;
    while (limiter.reserve('a') >= 0) accepted++;
    expect(accepted).toBe(5 + 10);
    expect(limiter.reserve('a')).toBe(-1);
    now += 10_000;
    expect(limiter.reserve('a')).toBe(0);
  });
});
