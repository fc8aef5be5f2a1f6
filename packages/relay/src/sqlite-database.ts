import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { checksum } from './checksum.ts';

export type RelayDatabase = Database.Database;

/**
 * Documents as a compacted state plus an append-only tail of updates, each with its sha-256; rows
 * that failed their checksum, kept aside; units, their members' tokens (with who and when last
 * seen) and invitation codes; compaction leases. user_version 3.
 */
const schema = `
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  checksum BLOB,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  data BLOB NOT NULL,
  checksum BLOB,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  data BLOB NOT NULL,
  checksum BLOB,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units (id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  invitation_id TEXT,
  last_seen_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_by_unit ON tokens (unit_id);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units (id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS invitations_by_unit ON invitations (unit_id);
CREATE TABLE IF NOT EXISTS compaction_locks (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

/** Refusing to start: the database a relay expected is not there (or empty). */
export class MissingDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingDatabaseError';
  }
}

export interface OpenDatabaseOptions {
  /** Create a new, empty database even where one was expected (`tianbao relay --init`). */
  init?: boolean;
  /** Paths whose presence means a database was here before (the blobs folder). */
  traces?: string[];
}

const nonEmptyDir = (path: string) => {
  try {
    return readdirSync(path).length > 0;
  } catch {
    return false;
  }
};

/**
 * Opens the relay's SQLite file. WAL lets several relay processes (Redis scale-out) share one
 * file; busy_timeout makes them wait for each other's writes. The file is created only on the very
 * first start (nothing there yet, not even its WAL or attachments) or with `init`: a 0-byte or
 * missing file where a relay database was expected would otherwise start as a new, empty relay,
 * its units and tokens silently gone. A new file is built aside and renamed into place, so a
 * crash while creating it can never leave such an empty file behind.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): RelayDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const present = existsSync(file);
  if (!options.init) {
    if (present && statSync(file).size === 0)
      throw new MissingDatabaseError(
        `${file} is empty (0 bytes) where a relay database was expected; refusing to start a new, empty relay over it (its units, tokens and logs would be gone). Restore the file from a backup, or start with --init to begin a new, empty relay here.`,
      );
    const traces = [
      ...(existsSync(`${file}-wal`) ? [`${file}-wal`] : []),
      ...(options.traces ?? []).filter(nonEmptyDir),
    ];
    if (!present && traces.length)
      throw new MissingDatabaseError(
        `${file} is missing but ${traces.join(' and ')} ${traces.length > 1 ? 'are' : 'is'} there: a relay database was expected. Restore the file from a backup, or start with --init to begin a new, empty relay here.`,
      );
  }
  if (!present || statSync(file).size === 0) {
    const fresh = `${file}.new`;
    rmSync(fresh, { force: true });
    const created = new Database(fresh);
    created.exec(schema);
    created.pragma('user_version = 3');
    created.close();
    renameSync(fresh, file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec(schema);
  migrate(db);
  return db;
}

/**
 * Brings a file written by an earlier relay up to this schema, so upgrading never refuses an existing
 * unit's data. Version 1 added documents' version column (compaction stamps it); version 2 made
 * tokens members (which invitation they joined with, when last seen); version 3 the checksums,
 * computed here for the rows already stored.
 */
function migrate(db: RelayDatabase): void {
  const columns = (table: string) =>
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  db.transaction(() => {
    if (!columns('documents').includes('version'))
      db.exec('ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1');
    if (!columns('tokens').includes('invitation_id'))
      db.exec('ALTER TABLE tokens ADD COLUMN invitation_id TEXT');
    if (!columns('tokens').includes('last_seen_at'))
      db.exec('ALTER TABLE tokens ADD COLUMN last_seen_at INTEGER');
    for (const [table, data] of [
      ['documents', 'state'],
      ['updates', 'data'],
    ] as const) {
      if (columns(table).includes('checksum')) continue;
      db.exec(`ALTER TABLE ${table} ADD COLUMN checksum BLOB`);
      const set = db.prepare(`UPDATE ${table} SET checksum = ? WHERE rowid = ?`);
      const rows = db.prepare(`SELECT rowid AS id, ${data} AS data FROM ${table}`).all() as {
        id: number;
        data: Buffer;
      }[];
      for (const row of rows) set.run(checksum(row.data), row.id);
    }
  })();
  db.pragma('user_version = 3');
}
