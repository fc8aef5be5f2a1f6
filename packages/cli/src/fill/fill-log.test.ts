import { LogSession, MemoryStorage, templateValues } from '@tianbao/core';
import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { fillLogFile, valuesBySlotId } from './fill-log.ts';

const T = getTemplate('daxinganling-2020');
const L = getTemplate('liaison');
if (!T || !L) throw new Error('templates missing');

describe('tianbao fill: values into a fresh log', () => {
  it('takes slot indexes and slot ids, and coerces numbers and 是/否 for their kinds', () => {
    const bool = T.slots.find((s) => s.kind === 'boolean');
    const num = T.slots.find((s) => s.kind === 'number');
    if (!bool || !num) throw new Error('no boolean/number slot');
    const v = valuesBySlotId(T, { [String(num.index)]: '12', [bool.id]: '否', 0: '某单位' });
    expect(v.get(num.id)).toBe(12);
    expect(v.get(bool.id)).toBe(false);
    expect(v.get('header-unit')).toBe('某单位');
  });

  it('rejects keys the template does not have', () => {
    expect(() => valuesBySlotId(T, { 9999: 1 })).toThrow(/has no slot "9999"/);
    expect(() => valuesBySlotId(L, { nickname: 'x' })).toThrow(/has no slot "nickname"/);
  });

  it('writes an update file whose log holds the values (statistics as manual values, liaison as profile)', async () => {
    const stats = await fillLogFile(T, { 5: 1005, 0: '文本0' });
    const s = await LogSession.createFromFile(new MemoryStorage(), stats, { user: 'test' });
    const values = new Map(templateValues(s.log, T).map((v) => [v.slotId, v]));
    expect(values.get(T.slots[5]?.id ?? '')?.value).toBe(1005);
    expect(values.get('header-unit')).toMatchObject({ value: '文本0', source: 'manual' });
    expect(s.log.meta().templateIds).toEqual([T.id]);

    const liaison = await fillLogFile(L, { name: '张三丰', mobile: '13900001234' });
    const l = await LogSession.createFromFile(new MemoryStorage(), liaison, { user: 'test' });
    expect(l.log.getProfile()).toMatchObject({ name: '张三丰', mobile: '13900001234' });
  });

  it('a value the log refuses is an error, not a silent skip', async () => {
    const pct = T.slots.find((s) => s.kind === 'percent');
    if (!pct) throw new Error('no percent slot');
    await expect(fillLogFile(T, { [pct.id]: 250 })).rejects.toThrow(/bad value/);
    await expect(fillLogFile(L, { mobile: '123' })).rejects.toThrow(/bad value/);
  });
});
