import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type RelayDatabase = Database.Database;

/**
 * Documents as a compacted state plus an append-only tail of updates; units, their members' tokens (with
 * who and when last seen) and invitation codes; compaction leases. user_version 2.
 */
const schema = `
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
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

/**
 * Opens (creating if needed) the relay's SQLite file. WAL lets several relay processes
 * (Redis scale-out) share one file; busy_timeout makes them wait for each other's writes.
 */
export function openDatabase(file: string): RelayDatabase {
  mkdirSync(dirname(file), { recursive: true });
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
 * unit's data. (The first files had documents without the version column that compaction stamps.)
 */
function migrate(db: RelayDatabase): void {
  const has = (table: string, column: string) =>
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
  if (!has('documents', 'version'))
    db.exec('ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1');
  // Version 2: tokens became members (which invitation they joined with, when last seen).
  if (!has('tokens', 'invitation_id')) db.exec('ALTER TABLE tokens ADD COLUMN invitation_id TEXT');
  if (!has('tokens', 'last_seen_at')) db.exec('ALTER TABLE tokens ADD COLUMN last_seen_at INTEGER');
  db.pragma('user_version = 2');
}
