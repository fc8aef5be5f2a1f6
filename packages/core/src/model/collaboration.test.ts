// Working together: a save from a form that did not show a colleague's change (stale form), 恢复此值, 撤销.
import { describe, expect, it } from 'vitest';
import { K, pair, sync } from './test-replicas.ts';

const entry = { date: '2021-06-08', title: '宣传进企业', location: '会议室' };

describe('a save from a stale form', () => {
  it('is found before saving, and recorded as a conflict on both sides when saved anyway', () => {
    const { a, b } = pair();
    const id = a.addEntry(entry);
    sync(a, b);
    // Both open the form; 李四 saves first, 张三's form still shows 会议室.
    const shown = { ...entry, contributions: {} };
    b.updateEntry(id, { location: '二楼会议室' }, { seen: shown });
    sync(a, b);
    expect(a.staleFields(id, { location: '礼堂' }, shown)).toEqual([
      { field: 'location', seen: '会议室', now: '二楼会议室', by: '李四' },
    ]);
    // A field nobody else touched is not stale; the same value again is not either.
    expect(a.staleFields(id, { title: '宣传进企业（二）', location: '二楼会议室' }, shown)).toEqual([]);
    a.updateEntry(id, { location: '礼堂' }, { seen: shown });
    sync(a, b);
    for (const log of [a, b]) {
      expect(log.getEntry(id)?.location).toBe('礼堂');
      expect(log.conflicts()).toMatchObject([
        {
          target: 'entry',
          targetId: id,
          field: 'location',
          keptValue: '礼堂',
          keptBy: '张三',
          lostValue: '二楼会议室',
          lostBy: '李四',
          stale: true,
        },
      ]);
    }
    // Resolving on one side settles it for both, and the chosen value wins everywhere.
    const [c] = b.conflicts();
    b.resolveConflict(c?.id as string, 'restore');
    sync(a, b);
    for (const log of [a, b]) {
      expect(log.conflicts()).toEqual([]);
      expect(log.getEntry(id)?.location).toBe('二楼会议室');
    }
  });

  it('does not record anything when the form saw the current value, or for fields it did not write', () => {
    const { a, b } = pair();
    const id = a.addEntry(entry);
    sync(a, b);
    b.updateEntry(id, { title: '李四改的名称' });
    sync(a, b);
    a.updateEntry(id, { location: '礼堂' }, { seen: { ...entry } });
    sync(a, b);
    expect(a.getEntry(id)).toMatchObject({ title: '李四改的名称', location: '礼堂' });
    expect(a.conflicts()).toEqual([]);
  });

  it('is not fooled by fields a form shows with a default (no attachments yet, not 重点)', () => {
    const { a } = pair();
    const id = a.addEntry(entry);
    const shown = a.getEntry(id);
    if (!shown) throw new Error('no entry');
    const ref = { hash: 'a'.repeat(64), name: '照片.png', type: 'image/png', size: 1 };
    expect(a.staleFields(id, { attachments: [ref], highlight: true }, shown)).toEqual([]);
  });

  it('covers contributions: a count changed by a colleague since the form showed it', () => {
    const { a, b } = pair();
    const id = a.addEntry({ ...entry, contributions: { [`${K}/s1`]: 3 } });
    sync(a, b);
    b.updateEntry(id, { contributions: { [`${K}/s1`]: 5 } });
    sync(a, b);
    a.updateEntry(id, { contributions: { [`${K}/s1`]: 4 } }, { seen: { contributions: { [`${K}/s1`]: 3 } } });
    expect(a.conflicts()).toMatchObject([{ field: `c:${K}/s1`, keptValue: 4, lostValue: 5, lostBy: '李四' }]);
  });
});

describe('恢复此值 and 撤销', () => {
  it('puts a value from history back as an ordinary edit that syncs', () => {
    const { a, b } = pair();
    const id = a.addEntry({ ...entry, contributions: { [`${K}/s1`]: 3 } });
    a.updateEntry(id, { location: '礼堂', contributions: { [`${K}/s1`]: 0 } });
    const old = a.entryHistory(id).find((h) => h.field === 'location' && h.value === '会议室');
    a.restoreEntryValue(id, old?.field as string, old?.value);
    a.restoreEntryValue(id, `c:${K}/s1`, 3);
    sync(a, b);
    expect(b.getEntry(id)).toMatchObject({ location: '会议室', contributions: { [`${K}/s1`]: 3 } });
    expect(
      b
        .entryHistory(id)
        .filter((h) => h.field === 'location')
        .map((h) => h.value),
    ).toEqual(['会议室', '礼堂', '会议室']);
    expect(() => a.restoreEntryValue(id, 'importKey', 'x')).toThrow();
  });

  it('undoes one’s own last changes, newest first, leaving what a colleague changed since', () => {
    const { a, b } = pair();
    const id = a.addEntry(entry);
    a.updateEntry(id, { title: '改过的名称', location: '礼堂' });
    a.deleteEntry(id);
    expect(a.undoLabel()).toBe('删除活动“改过的名称”');
    expect(a.undo()).toEqual({ label: '删除活动“改过的名称”', skipped: [] });
    expect(a.getEntry(id)?.deletedAt).toBeUndefined();
    sync(a, b);
    b.updateEntry(id, { location: '李四的地点' });
    sync(a, b);
    expect(a.undoLabel()).toBe('修改“改过的名称”的活动名称、地点');
    expect(a.undo()?.skipped).toEqual(['地点']);
    sync(a, b);
    expect(b.getEntry(id)).toMatchObject({ title: '宣传进企业', location: '李四的地点' });
    // Undoing the addition removes it to the trash (soft delete), like any deletion.
    a.undo();
    expect(a.getEntry(id)?.deletedAt).toBeTypeOf('number');
    expect(a.undo()).toBeUndefined();
  });

  it('undoes liaison, plan and manual value changes', () => {
    const { a } = pair();
    a.setProfile({ name: '张三', mobile: '13800000000' });
    a.setProfile({ name: '王丽' });
    a.undo();
    expect(a.getProfile().name).toBe('张三');
    const plan = a.addPlan({
      time: '6月',
      place: '',
      content: '启动仪式',
      host: '',
      assist: '',
      division: '',
      outcome: '',
    });
    a.updatePlan(plan, { place: '广场' });
    a.undo();
    expect(a.listPlans().find((p) => p.id === plan)?.place).toBe('');
    a.setManualValue(`${K}/s2`, 7, '上级核定');
    a.undo();
    expect(a.manualValues()[`${K}/s2`]).toBeUndefined();
  });
});
