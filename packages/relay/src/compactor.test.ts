import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Compactor } from './compactor.ts';
import { openDatabase } from './database.ts';
import { DocumentStore } from './document-store.ts';
import type { LogFields } from './log.ts';

describe('compactor', () => {
  it('folds the tail (here on this thread: the test runner cannot load a TypeScript worker)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tianbao-compactor-')), 'tianbao.sqlite');
    const store = new DocumentStore(openDatabase(file));
    const events: [string, LogFields | undefined][] = [];
    const compactor = new Compactor(file, store, (event, fields) => events.push([event, fields]));
    const doc = new Y.Doc({ gc: false });
    doc.on('update', (u: Uint8Array) => store.append('U/log', u));
    for (let i = 0; i < 10; i++) doc.getMap('entries').set(`e${i}`, i);
    const [a, b] = [compactor.compact('U/log'), compactor.compact('U/log')];
    expect(a).toBe(b);
    expect(await a).toBe(10);
    expect(store.tailLength('U/log')).toBe(0);
    const copy = new Y.Doc();
    store.loadInto('U/log', copy);
    expect(copy.getMap('entries').get('e9')).toBe(9);
    await compactor.close();
  });

  it('does not drop rows appended after the compaction read them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tianbao-compactor-')), 'tianbao.sqlite');
    const store = new DocumentStore(openDatabase(file));
    const doc = new Y.Doc({ gc: false });
    doc.on('update', (u: Uint8Array) => store.append('U/log', u));
    doc.getMap('entries').set('first', 1);
    const input = store.readForCompaction('U/log');
    doc.getMap('entries').set('later', 2);
    const other = new DocumentStore(openDatabase(file));
    expect(other.compact('U/log')).toBe(2);
    // The state changed under this compaction: it must not commit its stale fold.
    const folded = Y.encodeStateAsUpdate(new Y.Doc());
    expect(store.commitCompaction(input, folded)).toBe(false);
    const copy = new Y.Doc();
    store.loadInto('U/log', copy);
    expect(copy.getMap('entries').toJSON()).toEqual({ first: 1, later: 2 });
  });
});
