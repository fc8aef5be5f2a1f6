// #18 finding 5: a count is a whole number below 10^12 and a percentage lies within 0–100, wherever it comes
// from; a sum past the bound is an error with the entries to check, never Infinity, NaN or a rounded value.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { LogInputError } from '../errors.ts';
import { CONTRIBUTION_PREFIX } from './doc-layout.ts';
import { countProblem, MAX_COUNT, percentProblem } from './number-rules.ts';
import { K, newLog } from './test-replicas.ts';

const A = `${K}/s1`;
const P = `${K}/s59`;

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof LogInputError) return [err.field, err.message, err.messageZh];
    throw err;
  }
  return undefined;
};

describe('number rules', () => {
  it('counts: whole, 0 ≤ n ≤ 999999999999', () => {
    expect([0, 1, MAX_COUNT].map(countProblem)).toEqual([undefined, undefined, undefined]);
    expect([1e308, 1e12, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '3'].map(countProblem)).toEqual([
      'too-large',
      'too-large',
      'negative',
      'not-whole',
      'not-a-number',
      'not-a-number',
      'not-a-number',
    ]);
    expect([0, 33.3, 100, 100.5, -0.1].map(percentProblem)).toEqual([
      undefined,
      undefined,
      undefined,
      'over-100',
      'negative',
    ]);
  });

  it('an entry with 1e308 or 2.5 场次 is refused, naming the field', () => {
    const log = newLog();
    const add = (n: number) => () =>
      log.addEntry({ date: '2021-06-01', title: '演练', contributions: { [A]: n } });
    expect(refusal(add(1e308))).toEqual([
      `contributions.${A}`,
      `contributions.${A}: must be at most ${MAX_COUNT}`,
      `计入统计表的数不能超过${MAX_COUNT}`,
    ]);
    expect(refusal(add(2.5))?.[2]).toBe('计入统计表的数必须是整数');
    expect(refusal(add(MAX_COUNT))).toBeUndefined();
    expect(log.listEntries()).toHaveLength(1);
  });

  it('a percentage blank takes decimals within 0–100, manual values follow the blank’s kind', () => {
    const log = newLog();
    log.kindOf = (k) => (k === P ? 'percent' : 'number');
    expect(refusal(() => log.setManualValue(P, 12.5, '上级核定'))).toBeUndefined();
    expect(refusal(() => log.setManualValue(P, 100.5, '上级核定'))?.[2]).toBe('百分比不能超过100');
    expect(refusal(() => log.setManualValue(A, 2.5, '上级核定'))?.[2]).toBe('填写的值必须是整数');
    expect(refusal(() => log.setManualValue(A, 1e308, '上级核定'))?.[2]).toBe(`填写的值不能超过${MAX_COUNT}`);
    expect(log.manualValues()[P]?.value).toBe(12.5);
  });

  it('a sum past the bound is an error naming the entries, in the totals and in a date range', () => {
    const log = newLog();
    const big = 600_000_000_000;
    log.addEntry({ date: '2021-06-01', title: '大数一', contributions: { [A]: big } });
    log.addEntry({ date: '2021-06-02', title: '大数二', contributions: { [A]: big } });
    for (const s of [log.statistics([A])[0], log.statistics([A], { from: '2021-06-01' })[0]]) {
      expect(s?.value).toBeNull();
      expect(s?.source).toBe('sum');
      expect(s?.error).toMatch(/the sum of 2 entries must be at most 999999999999/);
      expect(s?.explanation).toContain('2 条活动合计 1200000000000 不能填入');
      expect(s?.explanation).toContain('「大数一」（2021-06-01）600000000000');
    }
    expect(log.explain(A).value).toBeNull();
  });

  it('a value a peer wrote past the rules (1e308, a fraction) is never Infinity or NaN in statistics', () => {
    const log = newLog();
    const id = log.addEntry({ date: '2021-06-01', title: '演练', contributions: { [A]: 1 } });
    log.addEntry({ date: '2021-06-02', title: '另一次', contributions: { [A]: 1 } });
    const shard = log.doc(`e0${log.shardIndexOf(id)}`) as Y.Doc;
    const m = shard.getMap('entries').get(id) as Y.Map<unknown>;
    shard.transact(() => m.set(CONTRIBUTION_PREFIX + A, 1e308), { kind: 'remote' });
    const [s] = log.statistics([A]);
    expect(s?.value).toBeNull();
    expect(s?.error).toBeDefined();
    expect(JSON.stringify(s)).not.toMatch(/Infinity|NaN|null,"source":"sum","entryCount":0/);
    shard.transact(() => m.set(CONTRIBUTION_PREFIX + A, 2.5), { kind: 'remote' });
    log.kindOf = () => 'number';
    expect(log.statistics([A])[0]?.error).toMatch(/whole number/);
  });
});
