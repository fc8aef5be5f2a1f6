import { describe, expect, it } from 'vitest';
import { hash53, stableHash } from './stable-hash.ts';

describe('stableHash', () => {
  // Stored ids (imported entries, import keys) are made from it: the values must never change.
  it('gives the same 28 hex digits as the ids already in users’ logs', () => {
    expect(stableHash('')).toBe('0bdcb81aee8d8310c329583afc3b');
    expect(stableHash('ledger:abc')).toBe('1f9a9fdcd229e910af9e88b7b871');
    expect(stableHash('台账\u0002第1行')).toBe('005b3b8c624191034c92471bdf8c');
  });

  it('is two cyrb53 lanes', () => {
    expect(stableHash('a')).toBe(
      hash53('a').toString(16).padStart(14, '0') + hash53('a', 0x9e3779b9).toString(16).padStart(14, '0'),
    );
  });
});
