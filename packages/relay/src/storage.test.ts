import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from './sqlite-storage.ts';
import { storageSuite } from './storage-suite.ts';

storageSuite('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-storage-'));
  const where = { databaseFile: join(dir, 'tianbao.sqlite'), blobDir: join(dir, 'blobs') };
  return { open: async () => openSqliteStorage(where) };
});
