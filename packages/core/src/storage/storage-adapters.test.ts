import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { FileStorage } from './file-storage.ts';
import { IndexedDbStorage } from './indexeddb-storage.ts';
import { decodeContainer, encodeContainer } from './log-container.ts';
import { MemoryStorage } from './memory-storage.ts';
import { storageSuite } from './storage-suite.ts';

const garbage = () => new Uint8Array([0xff, 0xfe, 0x01, 0x99, 0x42, 0x00, 0x13]);

storageSuite(
  'memory',
  async () => new MemoryStorage(),
  async (s) => s,
  async (s, doc) => {
    const m = s as MemoryStorage;
    m.corrupt(doc, (await m.count(doc)) - 1, garbage());
    return m;
  },
);

storageSuite(
  'file',
  async () => new FileStorage(join(mkdtempSync(join(tmpdir(), 'tianbao-')), 'unit.tianbao')),
  async (s) => new FileStorage((s as FileStorage).path),
  async (s, doc) => {
    const path = (s as FileStorage).path;
    const c = decodeContainer(new Uint8Array(readFileSync(path)));
    const d = c.docs.get(doc);
    if (d) d.updates.push(garbage());
    writeFileSync(path, encodeContainer(c));
    return new FileStorage(path);
  },
);

let n = 0;
storageSuite(
  'indexeddb',
  async () => new IndexedDbStorage(`log-${++n}`, new IDBFactory()),
  async (s) => new IndexedDbStorage((s as IndexedDbStorage).name, (s as IndexedDbStorage).idb),
  async (s, doc) => {
    // Write a damaged record next to the good ones, the way a half-written or bit-flipped record looks.
    await (s as IndexedDbStorage).append(doc, garbage());
    return s;
  },
);
