import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('rate limiter', () => {
  it('allows a burst, then refills at the sustained rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 5, () => now);
    for (let i = 0; i < 5; i++) expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
    now += 100;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    now += 10_000;
    for (let i = 0; i < 5; i++) expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });
});
