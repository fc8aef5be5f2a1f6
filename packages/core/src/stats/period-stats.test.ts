// Statistics of a date range (本周, 本月, 累计): inclusive by the entry's 日期, the same provenance as the
// totals, manual values set aside, and kept right through deletes, restores and date edits.
import { describe, expect, test } from 'vitest';
import { LogSession } from '../model/log-session.ts';
import { K, newLog, pair, sync } from '../model/test-replicas.ts';
import { MemoryStorage } from '../storage/memory-storage.ts';
import { StatsIndex } from './stats-index.ts';

const A = `${K}/s1`;
const B = `${K}/s2`;
const week2 = { from: '2021-06-07', to: '2021-06-13' };

const value = (log: ReturnType<typeof newLog>, key: string, range?: { from?: string; to?: string }) =>
  log.statistics([key], range)[0]?.value;

describe('period statistics', () => {
  test('inclusive at both ends, by the entry date', () => {
    const log = newLog();
    log.addEntry({ date: '2021-06-06', title: '周日', contributions: { [A]: 1 } });
    log.addEntry({ date: '2021-06-07', title: '周一', contributions: { [A]: 10 } });
    log.addEntry({ date: '2021-06-13', title: '周日', contributions: { [A]: 100, [B]: 5 } });
    log.addEntry({ date: '2021-06-14', title: '下周一', contributions: { [A]: 1000 } });
    expect(value(log, A, week2)).toBe(110);
    expect(value(log, B, week2)).toBe(5);
    expect(value(log, A, { from: '2021-06-13', to: '2021-06-13' })).toBe(100);
    expect(value(log, A, { to: '2021-06-13' })).toBe(111); // 累计 to the week's end
    expect(value(log, A)).toBe(1111);
    expect(value(log, A, { from: '2021-06-20', to: '2021-06-26' })).toBeNull();
    const [s] = log.statistics([A], week2);
    expect(s).toMatchObject({ source: 'sum', entryCount: 2, range: week2 });
    expect(s?.explanation).toBe('6月7日—6月13日 2 条活动合计');
  });

  test('explain lists only the entries inside the range', () => {
    const log = newLog();
    log.addEntry({ date: '2021-06-06', title: '上周', contributions: { [A]: 1 } });
    log.addEntry({ date: '2021-06-08', title: '宣传进企业', contributions: { [A]: 3 } });
    log.addEntry({ date: '2021-06-09', title: '应急演练', contributions: { [A]: 4 } });
    const s = log.explain(A, week2);
    expect(s.value).toBe(7);
    expect(s.contributions?.map((c) => c.title)).toEqual(['宣传进企业', '应急演练']);
    expect(log.explain(A).contributions).toHaveLength(3);
  });

  test('deleted entries do not count; restoring brings them back', () => {
    const log = newLog();
    const id = log.addEntry({ date: '2021-06-08', title: '演练', contributions: { [A]: 3 } });
    log.addEntry({ date: '2021-06-09', title: '培训', contributions: { [A]: 4 } });
    log.deleteEntry(id);
    expect(value(log, A, week2)).toBe(4);
    expect(log.statistics([A], week2)[0]?.entryCount).toBe(1);
    log.restoreEntry(id);
    expect(value(log, A, week2)).toBe(7);
  });

  test('an edit that moves an entry across weeks moves its figures with it', () => {
    const log = newLog();
    const id = log.addEntry({ date: '2021-06-08', title: '演练', contributions: { [A]: 3 } });
    const week3 = { from: '2021-06-14', to: '2021-06-20' };
    log.updateEntry(id, { date: '2021-06-15' });
    expect(value(log, A, week2)).toBeNull();
    expect(value(log, A, week3)).toBe(3);
    log.updateEntry(id, { date: '2021-06-13', contributions: { [A]: 5, [B]: 2 } });
    expect(value(log, A, week2)).toBe(5);
    expect(value(log, B, week2)).toBe(2);
    expect(value(log, A, week3)).toBeNull();
    expect(log.statistics(undefined, week3)).toEqual([]);
  });

  test('a colleague’s edit arriving by sync moves the entry too', () => {
    const { a, b } = pair();
    const id = a.addEntry({ date: '2021-06-08', title: '演练', contributions: { [A]: 3 } });
    sync(a, b);
    b.updateEntry(id, { date: '2021-06-20' });
    sync(a, b);
    expect(value(a, A, week2)).toBeNull();
    expect(value(a, A, { from: '2021-06-14', to: '2021-06-20' })).toBe(3);
  });

  test('manual values are campaign totals: set aside for a range, and said so', () => {
    const log = newLog();
    log.addEntry({ date: '2021-06-08', title: '演练', contributions: { [A]: 3 } });
    log.setManualValue(A, 50, '含未录入的活动');
    log.setManualValue(B, 9, '上级核定');
    expect(value(log, A)).toBe(50);
    const [a, b] = log.statistics([A, B], week2);
    expect(a).toMatchObject({ value: 3, source: 'sum', manualSetAside: { value: 50 } });
    expect(a?.explanation).toContain('手工填写的 50 是整个活动的数，不计入6月7日—6月13日');
    expect(b).toMatchObject({ value: null, source: 'empty', manualSetAside: { value: 9 } });
    // Without keys: slots with a sum in the range, and manual ones (shown as set aside).
    expect(log.statistics(undefined, week2).map((s) => s.key)).toEqual([A, B]);
  });

  test('sums of decimals (a percentage blank) stay clean across many edits', () => {
    const log = newLog();
    // Counts are whole numbers; only a percentage blank takes decimals.
    log.kindOf = () => 'percent';
    const ids = [0.1, 0.2, 0.7].map((n, i) =>
      log.addEntry({
        date: `2021-06-${String(8 + i).padStart(2, '0')}`,
        title: `第${i}次`,
        contributions: { [A]: n },
      }),
    );
    log.updateEntry(ids[0] as string, { contributions: { [A]: 0.3 } });
    expect(value(log, A, week2)).toBe(1.2);
  });

  test('the range index survives a stored snapshot and a reload', async () => {
    const storage = new MemoryStorage();
    const s = await LogSession.create(storage, {
      unitName: '某单位',
      campaign: '2021',
      templateIds: [K],
      user: '张三',
    });
    s.log.addEntry({ date: '2021-06-08', title: '演练', contributions: { [A]: 3 } });
    s.log.addEntry({ date: '2021-06-15', title: '培训', contributions: { [A]: 4 } });
    await s.close();
    const again = await LogSession.open(storage, { user: '李四', lazy: true });
    expect(again.log.statistics([A], week2)[0]?.value).toBe(3);
    expect(again.log.statistics([A], { to: '2021-06-30' })[0]?.value).toBe(7);
    await again.close();
  });
});

describe('StatsIndex.rangeTotals', () => {
  test('equals a scan of the rows after random upserts and removes', () => {
    const index = new StatsIndex();
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const date = () => `2021-06-${String(1 + rnd(30)).padStart(2, '0')}`;
    for (let step = 0; step < 3000; step++) {
      const id = `e${rnd(200)}`;
      if (rnd(10) === 0) index.remove(id);
      else
        index.upsert({
          id,
          date: date(),
          title: id,
          kind: '',
          createdBy: 'x',
          createdAt: 0,
          updatedBy: 'x',
          updatedAt: 0,
          deleted: rnd(8) === 0,
          contributions: { [`t/s${rnd(5)}`]: rnd(100), [`t/s${5 + rnd(5)}`]: rnd(10) / 10 },
        });
    }
    for (const range of [{ from: '2021-06-07', to: '2021-06-13' }, { to: '2021-06-20' }, {}]) {
      const want = new Map<string, { total: number; count: number }>();
      for (const r of index.rows.values()) {
        if (r.deleted || (range.from && r.date < range.from) || (range.to && r.date > range.to)) continue;
        for (const [k, n] of Object.entries(r.contributions)) {
          const t = want.get(k) ?? { total: 0, count: 0 };
          t.total += n;
          t.count++;
          want.set(k, t);
        }
      }
      const got = index.rangeTotals(range);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [k, t] of want) {
        expect(got.get(k)?.count).toBe(t.count);
        expect(got.get(k)?.total).toBeCloseTo(t.total, 6);
      }
    }
  });
});
