import { resolve } from 'node:path';
import { createLogger, type Logger } from './log.ts';
import { databaseFileName, defaultDataDir, type RelayOptions } from './options.ts';
import { openPostgresStorage } from './postgres-storage.ts';
import { blobDirOf, openSqliteStorage } from './sqlite-storage.ts';
import type { RelayStorage } from './storage.ts';

/** Where a relay keeps its data: a data directory (SQLite file + blobs), or PostgreSQL. */
export type StorageLocation = Pick<RelayOptions, 'dataDir' | 'databaseFile' | 'postgresUrl' | 'init'>;

/**
 * Opens the store a relay (or a `tianbao relay unit …` command) works on: PostgreSQL when a URL is
 * given (then nothing is written to SQLite or the data directory), else the SQLite file.
 */
export async function openStorage(
  where: StorageLocation,
  log: Logger = createLogger(),
): Promise<RelayStorage> {
  if (where.postgresUrl) return openPostgresStorage(where.postgresUrl, log);
  const dataDir = resolve(where.dataDir ?? defaultDataDir);
  return openSqliteStorage({
    databaseFile: where.databaseFile ? resolve(where.databaseFile) : resolve(dataDir, databaseFileName),
    blobDir: blobDirOf(dataDir),
    init: where.init ?? false,
  });
}
