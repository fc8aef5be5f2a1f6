import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from './database.ts';
import { DocumentLoadError, DocumentStore } from './document-store.ts';

const open = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tianbao-docs-')), 'tianbao.sqlite');
  return { file, store: new DocumentStore(openDatabase(file)) };
};

/** A gc:false doc whose updates are appended to the store, as the relay does. */
const recorded = (store: DocumentStore, name: string) => {
  const doc = new Y.Doc({ gc: false });
  doc.on('update', (u: Uint8Array) => store.append(name, u));
  return doc;
};

describe('document store', () => {
  it('reloads appended updates, keeps overwritten values after compaction', () => {
    const { store } = open();
    const doc = recorded(store, 'U/log');
    const entries = doc.getMap<Y.Map<unknown>>('entries');
    for (let i = 0; i < 30; i++) {
      const e = new Y.Map<unknown>();
      entries.set(`e${i}`, e);
      e.set('people', i);
      e.set('people', i + 100);
    }
    expect(store.tailLength('U/log')).toBe(90);
    expect(store.compact('U/log')).toBe(90);
    expect(store.tailLength('U/log')).toBe(0);
    entries.get('e0')?.set('title', '之后');

    const copy = new Y.Doc({ gc: false });
    store.loadInto('U/log', copy);
    expect(copy.getMap<Y.Map<unknown>>('entries').get('e29')?.get('people')).toBe(129);
    expect(copy.getMap<Y.Map<unknown>>('entries').get('e0')?.get('title')).toBe('之后');
    // gc:false keeps the overwritten value's struct: the state is as large as the original's.
    expect(Y.encodeStateAsUpdate(copy).byteLength).toBe(Y.encodeStateAsUpdate(doc).byteLength);
  });

  it('compacts what is stored, including updates another process appended', () => {
    const { file, store } = open();
    const other = new DocumentStore(openDatabase(file));
    const a = recorded(store, 'U/log');
    const b = recorded(other, 'U/log');
    a.getMap('entries').set('from-a', 1);
    b.getMap('entries').set('from-b', 2);
    store.compact('U/log');
    const copy = new Y.Doc();
    other.loadInto('U/log', copy);
    expect(copy.getMap('entries').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 });
  });

  it('refuses to load a document with an unreadable row and leaves the rows alone', () => {
    const { store } = open();
    recorded(store, 'U/bad').getMap('entries').set('x', 1);
    store.append('U/bad', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1]));
    expect(() => store.loadInto('U/bad', new Y.Doc())).toThrow(DocumentLoadError);
    expect(() => store.compact('U/bad')).toThrow();
    expect(store.tailLength('U/bad')).toBe(2);
    expect(store.has('U/bad')).toBe(true);
    expect(store.has('U/none')).toBe(false);
  });
});
