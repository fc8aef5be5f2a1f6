import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { UnitLog } from '../model/unit-log.ts';
import { templateValues } from './template-values.ts';

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
});
