import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Compactor } from './compactor.ts';
import type { LogFields } from './log.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import { loadDoc } from './storage-suite.ts';

describe('compactor', () => {
  it('folds the tail once however often it is asked (here on this thread: the test runner cannot load a TypeScript worker)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-compactor-'));
    const storage = openSqliteStorage({
      databaseFile: join(dir, 'tianbao.sqlite'),
      blobDir: join(dir, 'blobs'),
    });
    const events: [string, LogFields | undefined][] = [];
    const compactor = new Compactor(storage.documents, (event, fields) => events.push([event, fields]));
    const doc = new Y.Doc({ gc: false });
    const pending: Promise<void>[] = [];
    doc.on('update', (u: Uint8Array) => pending.push(storage.documents.append('U/log', u)));
    for (let i = 0; i < 10; i++) doc.getMap('entries').set(`e${i}`, i);
    await Promise.all(pending);
    const [a, b] = [compactor.compact('U/log'), compactor.compact('U/log')];
    expect(a).toBe(b);
    expect((await a).folded).toBe(10);
    expect(await storage.documents.tailLength('U/log')).toBe(0);
    expect((await loadDoc(storage, 'U/log')).getMap('entries').get('e9')).toBe(9);
    await compactor.close();
    await storage.close();
  });
});
