import { describe, expect, test } from 'vitest';
import { bestChain } from './best-chain.ts';

const run = (pairs: [number, number, number][], slots: number) =>
  bestChain(
    Int32Array.from(pairs.map((p) => p[0])),
    Int32Array.from(pairs.map((p) => p[1])),
    Float64Array.from(pairs.map((p) => p[2])),
    pairs.length,
    slots,
  ).map((k) => [pairs[k]?.[0], pairs[k]?.[1]]);

describe('bestChain', () => {
  test('the heaviest pairs increasing in both orders, one slot per target', () => {
    // target 0 fits slot 0 or 1; target 1 fits slot 1 best, slot 0 too; target 2 only slot 2.
    expect(
      run(
        [
          [0, 0, 0.5],
          [0, 1, 0.6],
          [1, 0, 0.2],
          [1, 1, 0.9],
          [2, 2, 0.7],
        ],
        3,
      ),
    ).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  test('a target never takes two slots and crossings are not allowed', () => {
    expect(
      run(
        [
          [0, 1, 1],
          [0, 2, 1],
          [1, 0, 0.5],
        ],
        3,
      ),
    ).toEqual([[0, 1]]);
    expect(run([], 3)).toEqual([]);
  });
});
