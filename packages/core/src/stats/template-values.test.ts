import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { pair, sync } from '../model/test-replicas.ts';
import { UnitLog } from '../model/unit-log.ts';
import { reportDateSlotId, templateValues } from './template-values.ts';

describe('templateValues', () => {
  it('gives every blank in document order, header blanks from the profile unless typed', () => {
    const t = getTemplate('baodi-2021');
    if (!t) throw new Error('no template');
    const log = UnitLog.create({
      unitName: '宝坻区应急管理局',
      campaign: '2021',
      templateIds: [t.id],
      user: '张三',
      shards: 2,
    });
    const n = t.slots.find((s) => s.kind === 'number');
    log.addEntry({ date: '2021-06-01', title: '学习', contributions: { [`${t.id}/${n?.id}`]: 3 } });
    log.setProfile({ name: '张三丰', officePhone: '022-29241234' });
    log.setManualValue(`${t.id}/header-contact`, '李四', '本次由李四填报');
    const v = templateValues(log, t);
    expect(v.map((x) => x.slotId)).toEqual(t.slots.map((s) => s.id));
    const by = Object.fromEntries(v.map((x) => [x.slotId, x]));
    expect(by['header-unit']).toMatchObject({ value: '宝坻区应急管理局', source: 'profile' });
    expect(by['header-contact']).toMatchObject({ value: '李四', source: 'manual' });
    expect(by['header-phone']).toMatchObject({ value: '022-29241234', source: 'profile' });
    expect(by['header-date']).toMatchObject({ value: null, source: 'empty' });
    expect(by[n?.id as string]).toMatchObject({ value: 3, source: 'sum' });
  });

  it('填报日期 is the log’s one report date, shared by colleagues, refused when not a date', () => {
    const t = getTemplate('daxinganling-2020');
    if (!t) throw new Error('no template');
    const { a, b } = pair();
    expect(reportDateSlotId(t)).toBe('header-date');
    const date = (log: UnitLog) => templateValues(log, t).find((x) => x.slotId === 'header-date');
    expect(date(a)).toMatchObject({ value: null, source: 'empty' });
    a.setReportDate('2026-06-29');
    sync(a, b);
    expect(b.reportDate()).toBe('2026-06-29');
    expect(date(b)).toMatchObject({ value: '2026-06-29', source: 'manual' });
    expect(() => b.setReportDate('2026-06-31')).toThrowError(
      expect.objectContaining({ messageZh: '请填写正确的填报日期，例如 2026-06-30' }),
    );
    b.setReportDate(null);
    sync(b, a);
    expect(a.reportDate()).toBeUndefined();
    expect(reportDateSlotId(getTemplate('changchun-industry-2019') as never)).toBeUndefined();
  });
});
