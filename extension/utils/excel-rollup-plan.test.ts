import type { RollupResult } from '@tianbao/excel';
import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { applyPlan } from './excel-rollup-plan';

const t = getTemplate('daxinganling-2020');
if (!t) throw new Error('template missing');
const table = t.slots.filter((s) => s.section === 'table');
const byKind = (k: string, n = 0) => table.filter((s) => s.kind === k)[n]?.id as string;

describe('putting a roll-up into this log', () => {
  const [n1, n2, n3, n4] = [0, 1, 2, 3].map((i) => byKind('number', i)) as string[];
  const result: RollupResult = {
    values: {
      [n1 as string]: 12,
      [n2 as string]: 30,
      [n3 as string]: 7,
      [n4 as string]: 5,
      [byKind('boolean')]: '是 2 个，否 1 个',
      [byKind('percent')]: null,
      [byKind('text', 1)]: '甲：x；乙：y',
    },
    explanations: {},
    perUnit: [],
    problems: [],
  };
  const current = new Map([
    [n2 as string, { value: 25, source: 'sum' as const }],
    [n3 as string, { value: 9, source: 'manual' as const }],
    [n4 as string, { value: 5, source: 'manual' as const }],
  ]);
  const plan = applyPlan(t, result, current);
  const row = (id: string) => plan.find((r) => r.slotId === id);

  it('covers every table blank in order', () => {
    expect(plan.map((r) => r.slotId)).toEqual(table.map((s) => s.id));
  });

  it('fills empty blanks and replaces the ledger sum, ticked', () => {
    expect(row(n1 as string)).toMatchObject({ status: 'new', checked: true, next: 12 });
    expect(row(n2 as string)).toMatchObject({ status: 'over-sum', checked: true, current: 25, next: 30 });
    expect(row(byKind('text', 1))).toMatchObject({ status: 'new', next: '甲：x；乙：y' });
  });

  it('never ticks a manual value; an equal one is left alone', () => {
    expect(row(n3 as string)).toMatchObject({ status: 'over-manual', checked: false, current: 9, next: 7 });
    expect(row(n3 as string)?.note).toContain('“9”');
    expect(row(n4 as string)).toMatchObject({ status: 'same', checked: false });
  });

  it('skips 是/否 counts, percentages and blanks nobody filled, with the reason', () => {
    expect(row(byKind('boolean'))).toMatchObject({ status: 'skip', checked: false });
    expect(row(byKind('boolean'))?.note).toContain('是 2 个');
    expect(row(byKind('percent'))?.note).toContain('百分比');
    expect(row(byKind('number', 10))).toMatchObject({ status: 'skip', note: '下级单位都未填写' });
  });
});
