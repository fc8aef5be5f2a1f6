// #18 finding 6: an update file cannot write what import-json and the forms refuse. Its changes are
// checked on a scratch copy; refused, the log is untouched.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { LogFileError } from '../errors.ts';
import { K, pair } from './test-replicas.ts';
import { exportUpdateFile, importUpdateFile } from './update-file.ts';

const A = `${K}/s1`;

/** What a modified peer could write: a raw value straight into an entry's map, past the API's checks. */
function tamper(log: ReturnType<typeof pair>['a'], id: string, key: string, value: unknown) {
  const doc = log.doc(`e0${log.shardIndexOf(id)}`) as Y.Doc;
  const m = doc.getMap('entries').get(id) as Y.Map<unknown>;
  doc.transact(() => m.set(key, value), { kind: 'local', user: 'x' });
}

describe('update files are checked like import-json', () => {
  it.each([
    ['c:baodi-2021/s1', 1e308, /entries\.\w+\.contributions\.baodi-2021\/s1: must be at most 999999999999/],
    ['c:baodi-2021/s1', 2.5, /contributions\.baodi-2021\/s1: must be a whole number/],
    ['title', 'x'.repeat(10_000), /entries\.\w+\.title: is longer than 200 characters/],
    ['created', ['张三', -1e20], /entries\.\w+\.created\[1\]: is out of range/],
    ['deleted', 'yes', /entries\.\w+\.deleted: must be \[person, time\]/],
  ])('%s = %s is refused, nothing is imported', (key, value, re) => {
    const { a, b } = pair();
    const id = a.addEntry({ date: '2021-06-01', title: '演练', contributions: { [A]: 1 } });
    a.addEntry({ date: '2021-06-02', title: '另一条', contributions: { [A]: 2 } });
    tamper(a, id, key, value);
    let err: unknown;
    try {
      importUpdateFile(b, exportUpdateFile(a));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LogFileError);
    expect((err as LogFileError).code).toBe('invalid-data');
    expect((err as Error).message).toMatch(re);
    expect((err as LogFileError).messageZh).toContain('未导入任何内容');
    expect(b.listEntries()).toEqual([]);
  });

  it('a manual value past the rules is refused; a valid file imports', () => {
    const { a, b } = pair();
    a.addEntry({ date: '2021-06-01', title: '演练', contributions: { [A]: 1 } });
    expect(importUpdateFile(b, exportUpdateFile(a)).changedDocs.length).toBeGreaterThan(0);
    a.root.transact(() =>
      a.root.getMap('values').set(A, { value: 1e308, by: '张三', at: Date.now(), reason: '' }),
    );
    expect(() => importUpdateFile(b, exportUpdateFile(a))).toThrow(/values\.baodi-2021\/s1: must be at most/);
    expect(b.manualValues()).toEqual({});
    expect(b.listEntries().map((e) => e.title)).toEqual(['演练']);
  });
});
