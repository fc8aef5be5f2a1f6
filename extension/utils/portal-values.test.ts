import { LogSession, MemoryStorage } from '@tianbao/core';
import { getTemplate, type Slot, type Template } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { formatValue, matchSlots, panelValues, slotTitle } from './portal-values';

const T = getTemplate('daxinganling-2020');
const L = getTemplate('liaison');
if (!T || !L) throw new Error('templates missing');

async function log() {
  const s = await LogSession.create(new MemoryStorage(), {
    unitName: '漠河市应急管理局',
    campaign: '2020',
    templateIds: [T?.id ?? ''],
    user: '张三',
  });
  return s.log;
}

describe('panelValues: what each blank gets on a portal page, and from where', () => {
  it('statistics: manual values as 手工填写, header from the profile as 联络员信息, the rest 未填', async () => {
    const l = await log();
    const slot = T.slots.find((s) => s.kind === 'number');
    if (!slot) throw new Error('no number slot');
    l.setManualValue(`${T.id}/${slot.id}`, 12, '补报');
    l.setProfile({ name: '李四', officePhone: '0457-2712884' });
    const v = panelValues(l, T);
    expect(v.get(slot.id)).toMatchObject({ value: 12, source: '手工填写', from: 'manual' });
    expect(v.get('header-contact')).toMatchObject({ value: '李四', source: '联络员信息', from: 'profile' });
    expect(v.get('header-phone')).toMatchObject({
      value: '0457-2712884',
      source: '联络员信息',
      from: 'profile',
    });
    expect(v.get('header-date')).toMatchObject({ value: null, source: '未填', from: 'empty' });
    expect(v.size).toBe(T.slots.length);
  });

  it('statistics: the log’s recorded 填报日期 is tagged 填报日期, not 手工填写 (nobody typed it as a figure)', async () => {
    const l = await log();
    l.setReportDate('2020-06-30');
    const v = panelValues(l, T);
    expect(v.get('header-date')).toMatchObject({ value: '2020-06-30', source: '填报日期' });
    expect(v.get('header-date')?.explanation).toContain('本台账的填报日期');
  });

  it('liaison: the profile fields', async () => {
    const l = await log();
    l.setProfile({ name: '李四', mobile: '13900001234' });
    const v = panelValues(l, L);
    expect(v.get('name')).toMatchObject({ value: '李四', source: '联络员信息', from: 'profile' });
    expect(v.get('mobile')).toMatchObject({ value: '13900001234', source: '联络员信息', from: 'profile' });
    expect(v.get('fax')).toMatchObject({ value: null, source: '未填', from: 'empty' });
  });

  it('liaison: 身份证号 is filled whole but shown masked in the panel', async () => {
    const l = await log();
    l.setProfile({ idNumber: '230102199001011230' });
    const v = panelValues(l, L).get('idNumber');
    expect(v).toMatchObject({ value: '230102199001011230', shown: '2301**********1230' });
    expect(v?.shown).not.toContain('19900101');
    expect(panelValues(l, L).get('name')?.shown).toBeUndefined();
  });
});

describe('slot words and values for the panel', () => {
  it('names a blank by its header label, liaison label, or row item with the phrase', () => {
    const slot = (t: Template, pick: (s: Slot) => boolean) => {
      const s = t.slots.find(pick);
      if (!s) throw new Error('slot missing');
      return s;
    };
    expect(slotTitle(slot(T, (s) => s.id === 'header-contact'))).toBe('联系人');
    expect(slotTitle(slot(L, (s) => s.id === 'mobile'))).toBe('手机');
    const table = slot(T, (s) => s.section === 'table' && !!s.before && !!s.after);
    expect(slotTitle(table)).toBe(`${table.item}：${table.before}（ ）${table.after}`);
  });

  it('sends the engine only what it matches on', () => {
    const [first] = matchSlots(T);
    expect(Object.keys(first ?? {}).sort()).toEqual(
      ['after', 'before', 'group', 'id', 'index', 'item', 'kind', 'section', 'unit'].sort(),
    );
    expect(matchSlots(L).every((s) => s.labels?.length)).toBe(true);
  });

  it('formats 是/否 and empty values', () => {
    expect(formatValue(true)).toBe('是');
    expect(formatValue(false)).toBe('否');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(18.5)).toBe('18.5');
  });
});
