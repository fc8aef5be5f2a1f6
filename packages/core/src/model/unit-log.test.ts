import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogFileError, LogInputError } from '../errors.ts';
import { StatsIndex } from '../stats/stats-index.ts';
import { K, newLog, pair, sync } from './test-replicas.ts';
import { exportUpdateFile, importUpdateFile } from './update-file.ts';

const entry = (over: object = {}) => ({
  date: '2021-06-03',
  title: '安全宣传进企业',
  kind: '宣传进企业',
  contributions: { [`${K}/s10`]: 120, [`${K}/s11`]: 1 },
  ...over,
});

describe('UnitLog', () => {
  it('creates a log with its meta', () => {
    const log = newLog();
    expect(log.meta()).toMatchObject({
      unitName: '宝坻区应急管理局',
      campaign: '2021 安全生产月',
      templateIds: [K],
    });
    expect(log.meta().logId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('adds, edits, soft-deletes and restores entries with authors and times', () => {
    const log = newLog();
    let t = 1000;
    log.now = () => t++;
    const id = log.addEntry(entry());
    expect(log.getEntry(id)).toMatchObject({ title: '安全宣传进企业', createdBy: '张三', createdAt: 1000 });
    log.user = '李四';
    log.updateEntry(id, { location: '宝坻区', contributions: { [`${K}/s10`]: 150 } });
    const e = log.getEntry(id);
    expect(e).toMatchObject({ location: '宝坻区', updatedBy: '李四', createdBy: '张三' });
    expect(e?.contributions).toEqual({ [`${K}/s10`]: 150, [`${K}/s11`]: 1 });
    log.deleteEntry(id);
    expect(log.listEntries()).toHaveLength(0);
    expect(log.listEntries({ deleted: true })).toHaveLength(1);
    log.restoreEntry(id);
    expect(log.listEntries().map((x) => x.id)).toEqual([id]);
  });

  it('filters entries by date range, kind, author and deletion', () => {
    const log = newLog();
    log.addEntry(entry({ date: '2021-06-01', kind: '演练' }));
    const b = log.addEntry(entry({ date: '2021-06-10' }));
    log.user = '王五';
    log.addEntry(entry({ date: '2021-06-20' }));
    log.deleteEntry(b);
    expect(log.listEntries({ from: '2021-06-05' }).map((e) => e.date)).toEqual(['2021-06-20']);
    expect(log.listEntries({ kind: '演练' })).toHaveLength(1);
    expect(log.listEntries({ author: '王五' })).toHaveLength(1);
    expect(log.listEntries({ deleted: 'any' })).toHaveLength(3);
    expect(log.listSummaries({ to: '2021-06-15' })).toHaveLength(1);
  });

  it('searches the title, 地点, 主办/协助单位 and 活动内容; every word typed must appear', () => {
    const log = newLog();
    const a = log.addEntry(
      entry({ location: '林业公司会议室', organizer: '塔河县应急管理局', partners: '县消防大队' }),
    );
    const b = log.addEntry(entry({ title: '应急演练', description: '在第一中学开展消防疏散演练' }));
    const ids = (search: string) => log.listSummaries({ search }).map((r) => r.id);
    expect(ids('林业公司')).toEqual([a]);
    expect(ids('消防')).toEqual(expect.arrayContaining([a, b]));
    expect(ids('第一中学')).toEqual([b]);
    expect(ids('消防 疏散')).toEqual([b]);
    expect(ids('县消防大队 进企业')).toEqual([a]);
    expect(ids('林业公司 疏散')).toEqual([]);
    // The full entries filter the same way, and the stored index keeps the words.
    expect(log.listEntries({ search: '疏散' }).map((e) => e.id)).toEqual([b]);
    log.updateEntry(a, { location: '镇政府' });
    expect(ids('林业公司')).toEqual([]);
    const restored = StatsIndex.fromSnapshot(log.index.toSnapshot({}))?.index;
    expect(restored?.rows.get(b)?.words).toContain('第一中学');
    // A snapshot of the earlier layout is not read (its rows have no words): the shards are read instead.
    expect(StatsIndex.fromSnapshot(JSON.stringify({ v: 1, stamps: {}, rows: [] }))).toBeUndefined();
  });

  it('computes statistics: manual beats sum, empty is null not 0, deleted entries do not count', () => {
    const log = newLog();
    const a = log.addEntry(entry());
    log.addEntry(entry({ contributions: { [`${K}/s10`]: 30 } }));
    const [s10, s11, s12] = log.statistics([`${K}/s10`, `${K}/s11`, `${K}/s12`]);
    expect(s10).toMatchObject({ value: 150, source: 'sum', entryCount: 2 });
    expect(s11).toMatchObject({ value: 1, source: 'sum', entryCount: 1 });
    expect(s12).toMatchObject({ value: null, source: 'empty' });
    log.deleteEntry(a);
    expect(log.statistics([`${K}/s10`])[0]?.value).toBe(30);
    log.setManualValue(`${K}/s10`, 200, '含街道上报数');
    const s = log.explain(`${K}/s10`);
    expect(s).toMatchObject({ value: 200, source: 'manual', manual: { by: '张三', reason: '含街道上报数' } });
    expect(s.explanation).toContain('张三');
    expect(s.contributions).toHaveLength(1);
    log.clearManualValue(`${K}/s10`);
    expect(log.statistics([`${K}/s10`])[0]?.value).toBe(30);
  });

  it('marks an activity as 重点 (a highlight of the 总结) and unmarks it; unmarked entries carry no mark', () => {
    const log = newLog();
    const plain = log.addEntry(entry());
    const key = log.addEntry(entry({ title: '应急演练', highlight: true }));
    expect(log.getEntry(plain)?.highlight).toBeUndefined();
    expect(log.getEntry(key)?.highlight).toBe(true);
    log.updateEntry(key, { highlight: false });
    expect(log.getEntry(key)?.highlight).toBeUndefined();
    log.updateEntry(plain, { highlight: true });
    expect(
      log
        .listEntries()
        .filter((e) => e.highlight)
        .map((e) => e.id),
    ).toEqual([plain]);
    expect(() => log.updateEntry(plain, { highlight: '是' })).toThrow(LogInputError);
    expect(log.entryHistory(plain).map((h) => h.field)).toContain('highlight');
    // The list shows the mark before the shards load: the index and its stored snapshot keep it.
    expect(log.listSummaries().find((r) => r.id === plain)?.highlight).toBe(true);
    const restored = StatsIndex.fromSnapshot(log.index.toSnapshot({}))?.index;
    expect(restored?.rows.get(plain)?.highlight).toBe(true);
    expect(restored?.rows.get(key)?.highlight).toBeUndefined();
  });

  it('fingerprints the state: equal on synced copies, changed by any edit', () => {
    const { a, b } = pair();
    const id = a.addEntry(entry());
    sync(a, b);
    const synced = a.stateDigest();
    expect(synced).toMatch(/^[0-9a-f]{28}$/);
    expect(b.stateDigest()).toBe(synced);
    a.updateEntry(id, { contributions: { [`${K}/s10`]: 0 } });
    const afterDelete = a.stateDigest();
    expect(afterDelete).not.toBe(synced);
    sync(a, b);
    expect(b.stateDigest()).toBe(afterDelete);
    b.setProfile({ name: '李四' });
    expect(b.stateDigest()).not.toBe(afterDelete);
  });

  it('refuses bad input naming the field, and applies nothing', () => {
    const log = newLog();
    const id = log.addEntry(entry());
    const bad = (fn: () => void, field: string) => {
      const err = (() => {
        try {
          fn();
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(LogInputError);
      expect((err as LogInputError).field).toBe(field);
    };
    bad(() => log.addEntry(entry({ contributions: { [`${K}/s1`]: -3 } })), `contributions.${K}/s1`);
    bad(() => log.addEntry(entry({ contributions: { [`${K}/s1`]: '12' } })), `contributions.${K}/s1`);
    try {
      log.addEntry(entry({ contributions: { [`${K}/s1`]: -3 } }));
    } catch (e) {
      expect((e as LogInputError).messageZh).toBe('计入统计表的数不能是负数');
    }
    bad(() => log.addEntry(entry({ colour: 'red' })), 'colour');
    bad(() => log.addEntry(entry({ date: '2021-02-30' })), 'date');
    bad(() => log.updateEntry(id, { title: '新标题', contributions: { x: 1 } }), 'contributions.x');
    expect(log.getEntry(id)?.title).toBe('安全宣传进企业');
    bad(() => log.setProfile({ mobile: '12345' }), 'profile.mobile');
    bad(() => log.setProfile({ email: 'a@b' }), 'profile.email');
    bad(() => log.setProfile({ officePhone: 'abc' }), 'profile.officePhone');
    log.kindOf = (k) => (k.endsWith('/s1') ? 'number' : 'boolean');
    bad(() => log.setManualValue(`${K}/s1`, '十二', '上级核定'), `values.${K}/s1`);
    bad(() => log.setManualValue(`${K}/s2`, 3, '上级核定'), `values.${K}/s2`);
    expect(log.listEntries()).toHaveLength(1);
    expect(log.manualValues()).toEqual({});
  });

  it('a manual value needs a reason; a recorded one without a reason is still restored', () => {
    const log = newLog();
    for (const reason of ['', '   ']) {
      let err: unknown;
      try {
        log.setManualValue(`${K}/s10`, 200, reason);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LogInputError);
      expect((err as LogInputError).field).toBe(`values.${K}/s10.reason`);
      expect((err as LogInputError).message).toBe(
        `values.${K}/s10.reason: a manual value needs a reason (why it replaces the log’s figure)`,
      );
      expect((err as LogInputError).messageZh).toBe('请填写原因，例如：含下属单位上报数');
    }
    expect(log.manualValues()).toEqual({});
    log.setManualValue(`${K}/s10`, 200, '含街道上报数');
    expect(log.manualValues()[`${K}/s10`]).toMatchObject({ value: 200, reason: '含街道上报数' });
    // import-json restores what an older log recorded (before reasons were required), as it was.
    log.restoreManualValue(`${K}/s11`, 3, '', { by: '王五', at: 1_600_000_000_000 });
    expect(log.manualValues()[`${K}/s11`]).toEqual({
      value: 3,
      reason: '',
      by: '王五',
      at: 1_600_000_000_000,
    });
  });

  it('keeps the liaison profile', () => {
    const log = newLog();
    log.setProfile({
      name: '张三丰',
      mobile: '139 0000 1234',
      officePhone: '0457-2712884',
      email: 'zsf@example.cn',
    });
    expect(log.getProfile()).toMatchObject({ name: '张三丰', mobile: '13900001234', qq: '' });
  });

  it('keeps plans and turns one into an entry', () => {
    const log = newLog();
    const p = log.addPlan({ time: '6月16日', place: '宝坻区', content: '安全宣传咨询日', host: '区安委办' });
    const e = log.completePlan(p, { date: '2021-06-16', contributions: { [`${K}/s3`]: 1 } });
    expect(log.listPlans()[0]?.entryId).toBe(e);
    expect(log.getEntry(e)).toMatchObject({
      title: '安全宣传咨询日',
      organizer: '区安委办',
      location: '宝坻区',
    });
    expect(log.statistics([`${K}/s3`])[0]?.value).toBe(1);
    expect(() => log.completePlan(p, { date: '2021-06-17' })).toThrow(LogInputError);
  });

  it('merges concurrent edits of different fields of one entry: both win', () => {
    const { a, b } = pair();
    const id = a.addEntry(entry());
    sync(a, b);
    a.updateEntry(id, { location: '宝坻区体育馆' });
    b.updateEntry(id, { contributions: { [`${K}/s12`]: 5 } });
    sync(a, b);
    for (const log of [a, b]) {
      expect(log.getEntry(id)).toMatchObject({ location: '宝坻区体育馆' });
      expect(log.getEntry(id)?.contributions[`${K}/s12`]).toBe(5);
    }
    expect(a.conflicts()).toEqual([]);
  });

  it('keeps concurrent portal corrections of different fields of one page, and withdraws one', () => {
    const { a, b } = pair();
    const portal = 'http://portal.example/form.jsp';
    a.setMapping(portal, '|name:f1', 's1');
    b.setMapping(portal, '|name:f2', null);
    sync(a, b);
    for (const log of [a, b]) expect(log.getMappings(portal)).toEqual({ '|name:f1': 's1', '|name:f2': null });
    b.clearMapping(portal, '|name:f1');
    sync(a, b);
    for (const log of [a, b]) expect(log.getMappings(portal)).toEqual({ '|name:f2': null });
    expect(a.getMappings('http://other.example/')).toEqual({});
  });

  it('keeps the units a person confirmed with a choice of another unit’s blank, and forgets them with it', () => {
    const { a, b } = pair();
    const portal = 'http://portal.example/form.jsp';
    a.setMapping(portal, '|name:ft', 's7', { page: '人次', blank: '场' });
    a.setMapping(portal, '|name:qy', 's2');
    sync(a, b);
    for (const log of [a, b]) {
      expect(log.getMappings(portal)).toEqual({ '|name:ft': 's7', '|name:qy': 's2' });
      expect(log.getMappingUnits(portal)).toEqual({ '|name:ft': { page: '人次', blank: '场' } });
    }
    // A later plain correction of the same control replaces the confirmed one, units and all.
    b.setMapping(portal, '|name:ft', 's8');
    sync(a, b);
    expect(a.getMappings(portal)['|name:ft']).toBe('s8');
    expect(a.getMappingUnits(portal)).toEqual({});
    // Never-fill has no units to keep.
    a.setMapping(portal, '|name:ft', null, { page: '人次', blank: '场' });
    expect(a.getMappings(portal)['|name:ft']).toBeNull();
    expect(a.getMappingUnits(portal)).toEqual({});
  });

  it('reads the per-page mapping objects of older logs, under newer per-field corrections', () => {
    const log = newLog();
    const portal = 'http://portal.example/form.jsp';
    log.root.getMap('mappings').set(portal, { '|name:f1': 's1', '|name:f2': 's2', '|name:f3': null });
    log.setMapping(portal, '|name:f2', 's9');
    log.clearMapping(portal, '|name:f3');
    expect(log.getMappings(portal)).toEqual({ '|name:f1': 's1', '|name:f2': 's9' });
  });

  it('records the losing value of a concurrent write to one field, and resolves it', () => {
    const { a, b } = pair();
    const id = a.addEntry(entry());
    sync(a, b);
    a.updateEntry(id, { title: '张三的标题' });
    b.updateEntry(id, { title: '李四的标题' });
    sync(a, b);
    expect(a.getEntry(id)?.title).toBe(b.getEntry(id)?.title);
    const [c] = a.conflicts();
    expect(b.conflicts()).toEqual(a.conflicts());
    expect(c).toMatchObject({ target: 'entry', targetId: id, field: 'title' });
    expect([c?.lostValue, c?.keptValue].sort()).toEqual(['张三的标题', '李四的标题'].sort());
    expect(c?.lostBy).toBe(c?.lostValue === '张三的标题' ? '张三' : '李四');
    a.resolveConflict(c?.id as string, 'restore');
    sync(a, b);
    expect(b.getEntry(id)?.title).toBe(c?.lostValue);
    expect(b.conflicts()).toEqual([]);
    const history = b.entryHistory(id).filter((h) => h.field === 'title');
    expect(history.map((h) => h.value)).toContain('张三的标题');
    expect(history.some((h) => h.lost)).toBe(true);
  });

  it('shows who changed which field when', () => {
    const log = newLog();
    let t = 100;
    log.now = () => t++;
    const id = log.addEntry(entry());
    log.user = '李四';
    log.updateEntry(id, { title: '改过的标题' });
    const h = log
      .entryHistory(id)
      .filter((x) => x.field === 'title')
      .map(({ id: _, ...rest }) => rest);
    expect(h).toEqual([
      { field: 'title', value: '安全宣传进企业', by: '张三', at: 100, lost: false },
      { field: 'title', value: '改过的标题', by: '李四', at: 101, lost: false },
    ]);
  });

  it('exports and imports an update file idempotently, refusing other units and damaged files', () => {
    const { a, b } = pair();
    a.addEntry(entry());
    const file = exportUpdateFile(a);
    expect(importUpdateFile(b, file).changedDocs.length).toBeGreaterThan(0);
    expect(b.listEntries()).toHaveLength(1);
    expect(importUpdateFile(b, file).changedDocs).toEqual([]);
    expect(b.listEntries()).toHaveLength(1);
    const other = newLog();
    other.addEntry(entry({ title: '别的单位' }));
    expect(() => importUpdateFile(b, exportUpdateFile(other))).toThrow(LogFileError);
    const damaged = file.slice();
    const flip = (i: number, mask: number) => damaged.set([(damaged[i] ?? 0) ^ mask], i);
    flip(Math.floor(damaged.length / 2), 0xff);
    flip(damaged.length - 3, 0x55);
    const before = Y.encodeStateVector(b.root);
    expect(() => importUpdateFile(b, damaged)).toThrow(LogFileError);
    expect(() => importUpdateFile(b, new TextEncoder().encode('hello'))).toThrow(/not a Tianbao/);
    expect(Y.encodeStateVector(b.root)).toEqual(before);
    expect(b.listEntries().map((e) => e.title)).toEqual(['安全宣传进企业']);
  });
});
