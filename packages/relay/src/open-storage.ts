import { resolve } from 'node:path';
import { databaseFileName, defaultDataDir, type RelayOptions } from './options.ts';
import { blobDirOf, openSqliteStorage } from './sqlite-storage.ts';
import type { RelayStorage } from './storage.ts';

/** Where a relay keeps its data: a data directory (SQLite file + blobs), or PostgreSQL. */
export type StorageLocation = Pick<RelayOptions, 'dataDir' | 'databaseFile' | 'postgresUrl' | 'init'>;

/** Opens the store a relay (or a `tianbao relay unit …` command) works on. */
export async function openStorage(where: StorageLocation): Promise<RelayStorage> {
  const dataDir = resolve(where.dataDir ?? defaultDataDir);
  return openSqliteStorage({
    databaseFile: where.databaseFile ? resolve(where.databaseFile) : resolve(dataDir, databaseFileName),
    blobDir: blobDirOf(dataDir),
    init: where.init ?? false,
  });
}
