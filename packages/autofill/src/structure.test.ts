import { describe, expect, test } from 'vitest';
import { agreement, type Link, MAX_RUN, vouched } from './structure.ts';

/** Links i = j = 0..n-1 (a grid one for one with the template), sure except at the given positions. */
const grid = (n: number, unsure: number[], rescuable = true): Link[] =>
  Array.from({ length: n }, (_, k) => ({ i: k, j: k, sure: !unsure.includes(k), rescuable }));

describe('vouched', () => {
  test('rows between two certain rows, one for one with the template, are vouched for', () => {
    expect(vouched(grid(10, [3, 4]), 10, 0, 9)).toEqual([3, 4]);
  });

  test('at the start or end of the template one certain neighbour is enough', () => {
    expect(vouched(grid(10, [0, 9]), 10, 0, 9)).toEqual([0, 9]);
    // Not the template's first blank: something may be missing before it.
    expect(vouched(grid(10, [0]), 10, -1, 9)).toEqual([]);
  });

  test('a row or a blank skipped on either side breaks the lockstep', () => {
    const skippedBlank = grid(10, [4]).map((l) => (l.i >= 4 ? { ...l, j: l.j + 1 } : l));
    expect(vouched(skippedBlank, 10, 0, 10)).toEqual([]);
    const skippedRow = grid(10, [4]).map((l) => (l.i >= 5 ? { ...l, i: l.i + 1 } : l));
    expect(vouched(skippedRow, 11, 0, 9)).toEqual([]);
  });

  test('a page that mostly disagrees vouches for nothing', () => {
    const links = grid(10, [3, 4]);
    expect(agreement(links, 10)).toBe(0.8);
    // The same ten links among twenty rows of the page: the other ten match nothing.
    expect(vouched(links, 20, 0, 9)).toEqual([]);
  });

  test('runs longer than MAX_RUN, and rows with another doubt or unit, are left to the person', () => {
    const long = Array.from({ length: MAX_RUN + 1 }, (_, k) => k + 2);
    expect(vouched(grid(20, long), 20, 0, 19)).toEqual([]);
    expect(vouched(grid(10, [3], false), 10, 0, 9)).toEqual([]);
  });
});
