import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { LogFileError, LogInputError } from '../errors.ts';
import type { EntryFields } from '../types.ts';
import { importEntryId } from './import-id.ts';
import { cloneDoc, K, newLog, pair, sync } from './test-replicas.ts';
import { type Conflict, UnitLog } from './unit-log.ts';

/** Rows as @tianbao/excel's ledgerToEntries gives them (sourceRow left out, as the UI does). */
const row = (i: number, over: Partial<EntryFields> = {}): EntryFields & { importKey: string } => ({
  date: `2021-06-${String((i % 28) + 1).padStart(2, '0')}`,
  title: `安全宣传进企业 ${i}`,
  kind: '',
  location: '宝坻区',
  organizer: '',
  partners: '',
  description: '',
  contributions: { [`${K}/s10`]: 10 + i },
  attachments: [],
  importKey: `ledger:${String(i).padStart(28, '0')}`,
  ...over,
});
const file = (n: number) => Array.from({ length: n }, (_, i) => row(i));

describe('UnitLog.importEntries', () => {
  it('imports rows with their import key; the same file again adds nothing', () => {
    const log = newLog();
    const origins: string[] = [];
    log.onChange((c) => origins.push(c.origin));
    const first = log.importEntries(file(5), { source: '台账.xlsx' });
    // One change per shard written, each marked as an import.
    expect(new Set(origins)).toEqual(new Set(['import']));
    expect(origins.length).toBe(new Set(first.added.map((id) => log.shardIndexOf(id))).size);
    expect(first.added).toHaveLength(5);
    expect(first.skipped).toBe(0);
    expect(log.listEntries()).toHaveLength(5);
    const e = log.getEntry(first.added[0] as string);
    expect(e).toMatchObject({ title: '安全宣传进企业 0', importKey: row(0).importKey, createdBy: '张三' });
    expect(log.statistics([`${K}/s10`])[0]?.value).toBe(10 + 11 + 12 + 13 + 14);

    const again = log.importEntries(file(5));
    expect(again).toEqual({ added: [], restored: [], skipped: 5 });
    expect(log.listEntries()).toHaveLength(5);

    // A longer version of the same sheet: only the new rows come in.
    const longer = log.importEntries(file(7));
    expect(longer.added).toHaveLength(2);
    expect(longer.skipped).toBe(5);
    expect(log.listEntries()).toHaveLength(7);
  });

  it('skips a key already in the trash, one added by addEntry, and a repeat within the same file', () => {
    const log = newLog();
    const [id] = log.importEntries([row(1)]).added;
    log.deleteEntry(id as string);
    log.addEntry(row(2));
    const r = log.importEntries([row(1), row(2), row(3), row(3)]);
    expect(r.added).toEqual([importEntryId(row(3).importKey)]);
    expect(r.skipped).toBe(3);
    expect(log.listEntries({ deleted: 'any' })).toHaveLength(3);
  });

  it('rows in the trash come back only when asked, rewritten from the new rows', () => {
    const log = newLog();
    const ids = log.importEntries(file(3)).added;
    // Imported with the count in the wrong blank: deleted, then imported again with the right one.
    for (const id of ids) log.deleteEntry(id);
    const fixed = file(3).map((r, i) => ({ ...r, contributions: { [`${K}/s11`]: i + 1 } }));
    expect(log.importEntries(fixed)).toEqual({ added: [], restored: [], skipped: 3 });
    expect(log.listEntries()).toHaveLength(0);
    log.user = '李四';
    const r = log.importEntries([...fixed, row(3)], { reimportDeleted: true });
    expect(r.restored).toEqual(ids);
    expect(r.added).toHaveLength(1);
    expect(r.skipped).toBe(0);
    expect(log.listEntries()).toHaveLength(4);
    expect(log.getEntry(ids[0] as string)).toMatchObject({
      contributions: { [`${K}/s11`]: 1 },
      updatedBy: '李四',
    });
    expect(log.statistics([`${K}/s10`, `${K}/s11`]).map((s) => s.value)).toEqual([13, 6]);
    // Live entries are never rewritten by an import.
    expect(log.importEntries(file(3), { reimportDeleted: true })).toMatchObject({ restored: [], skipped: 3 });
    expect(log.getEntry(ids[0] as string)?.contributions).toEqual({ [`${K}/s11`]: 1 });
  });

  it('an imported entry can be edited; its import key cannot be changed', () => {
    const log = newLog();
    const [id] = log.importEntries([row(0)]).added as [string];
    log.updateEntry(id, { title: '改过的名称', importKey: row(0).importKey });
    expect(log.getEntry(id)).toMatchObject({ title: '改过的名称', importKey: row(0).importKey });
    expect(() => log.updateEntry(id, { importKey: 'ledger:other' })).toThrow(LogInputError);
    expect(log.importEntries([row(0)]).skipped).toBe(1);
  });

  it('validates every row before writing any', () => {
    const log = newLog();
    const rows = [row(0), row(1), row(2, { date: '2021-13-40' })];
    expect(() => log.importEntries(rows)).toThrow(LogInputError);
    try {
      log.importEntries(rows);
    } catch (err) {
      expect((err as LogInputError).field).toBe('rows[2].date');
    }
    expect(() => log.importEntries([row(0, { importKey: '两个 汉字' })])).toThrow(/importKey/);
    expect(() => log.importEntries([{ ...row(0), importKey: '' }])).toThrow(/importKey/);
    expect(log.listEntries()).toHaveLength(0);
  });

  it('refuses while a shard is not loaded', () => {
    const a = newLog();
    const b = UnitLog.fromRoot(cloneDoc(a.root), '李四');
    b.attachShard(0, cloneDoc(a.doc('e00') as Y.Doc));
    expect(() => b.importEntries(file(2))).toThrow(LogFileError);
  });

  it('two replicas importing the same file offline converge to one entry per row', () => {
    const { a, b } = pair();
    a.importEntries(file(6));
    b.importEntries(file(6));
    // B also has one row A does not, and edits an imported entry before syncing.
    b.importEntries([row(6)]);
    b.updateEntry(importEntryId(row(0).importKey), { location: '宝坻区大口屯镇' });
    sync(a, b);
    for (const log of [a, b]) {
      const list = log.listEntries();
      expect(list).toHaveLength(7);
      expect(new Set(list.map((e) => e.importKey)).size).toBe(7);
      expect(log.statistics([`${K}/s10`])[0]?.value).toBe(10 + 11 + 12 + 13 + 14 + 15 + 16);
    }
    expect(a.listEntries()).toEqual(b.listEntries());
    // The two copies of row 0 were separate maps under one id; one copy wins whole (Yjs orders concurrent
    // writes to a key by client id). Both replicas agree and nothing is doubled; when B's copy loses, its
    // edit is a conflict to review (next test).
    const kept = a.getEntry(importEntryId(row(0).importKey))?.location;
    expect(kept).toBe(b.root.clientID > a.root.clientID ? '宝坻区大口屯镇' : '宝坻区');
    // Importing again on either side after the sync adds nothing.
    expect(a.importEntries(file(7)).added).toHaveLength(0);
  });

  it('an edit made to an imported copy that lost as a whole is a conflict to review, not lost', () => {
    // A's copy must win for B's edit to be at stake: Yjs keeps the copy of the higher client id.
    let { a, b } = pair();
    while (a.root.clientID < b.root.clientID) ({ a, b } = pair());
    a.importEntries(file(3));
    b.importEntries(file(3));
    const id = importEntryId(row(0).importKey);
    b.updateEntry(id, { location: '宝坻区大口屯镇' });
    sync(a, b);
    const open = (log: UnitLog) => log.conflicts().filter((c) => c.targetId === id);
    expect(a.getEntry(id)?.location).toBe('宝坻区');
    // Only the edit: the fields both copies were created with (the same row) are not conflicts.
    expect(open(a)).toMatchObject([
      {
        target: 'entry',
        field: 'location',
        lostValue: '宝坻区大口屯镇',
        lostBy: '李四',
        keptValue: '宝坻区',
      },
    ]);
    expect(open(b)).toEqual(open(a));
    a.resolveConflict((open(a)[0] as Conflict).id, 'restore');
    sync(a, b);
    expect([a, b].map((log) => log.getEntry(id)?.location)).toEqual(['宝坻区大口屯镇', '宝坻区大口屯镇']);
    expect([open(a), open(b)]).toEqual([[], []]);
    // The other rows, imported alike on both sides, have nothing to review.
    expect(a.conflicts()).toEqual([]);
  });
});
