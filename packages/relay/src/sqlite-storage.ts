import { join } from 'node:path';
import { FileBlobStore } from './file-blob-store.ts';
import { SqliteAccessStore } from './sqlite-access-store.ts';
import { openDatabase } from './sqlite-database.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';
import type { RelayStorage } from './storage.ts';

export interface SqliteLocation {
  /** The SQLite file (tianbao.sqlite). */
  databaseFile: string;
  /** Attachments live in <blobDir> on disk, beside the file. */
  blobDir: string;
  /** Create a new, empty database even where one was expected (see openDatabase). */
  init?: boolean;
}

/** The embedded store: one SQLite file plus a folder of attachments (what `pnpm start` uses). */
export function openSqliteStorage({ databaseFile, blobDir, init = false }: SqliteLocation): RelayStorage {
  const db = openDatabase(databaseFile, { init, traces: [blobDir] });
  return {
    kind: 'sqlite',
    where: databaseFile,
    documents: new SqliteDocumentStore(db),
    access: new SqliteAccessStore(db),
    blobs: new FileBlobStore(blobDir),
    async check() {
      const started = performance.now();
      try {
        db.prepare('SELECT 1').get();
        return { ok: true, ms: performance.now() - started };
      } catch (error) {
        return { ok: false, ms: performance.now() - started, error: String(error) };
      }
    },
    async close() {
      db.close();
    },
  };
}

/** <dataDir>/blobs, where the embedded store keeps attachments. */
export const blobDirOf = (dataDir: string) => join(dataDir, 'blobs');
