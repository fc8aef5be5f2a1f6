import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checksum } from './checksum.ts';
import { openDatabase } from './sqlite-database.ts';

describe('relay database', () => {
  it('opens a file written by an earlier relay (documents without a version column), keeping its rows', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tianbao-db-')), 'tianbao.sqlite');
    const old = new Database(file);
    old.exec(
      'CREATE TABLE documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at INTEGER NOT NULL)',
    );
    old
      .prepare('INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)')
      .run('u/l', Buffer.from([0, 0]), 1);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT name, version, hex(checksum) AS sum FROM documents').all()).toEqual([
      {
        name: 'u/l',
        version: 1,
        sum: checksum(Buffer.from([0, 0]))
          .toString('hex')
          .toUpperCase(),
      },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
    // Opening again is a no-op.
    openDatabase(file).close();
  });
});

describe('relay database, schema 2', () => {
  it('adds the member columns to a schema-1 tokens table and keeps its tokens', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tianbao-db-')), 'tianbao.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE units (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE tokens (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL REFERENCES units (id), role TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, revoked_at INTEGER);
      INSERT INTO units VALUES ('U', '单位', 1);
      INSERT INTO tokens VALUES ('T', 'U', 'editor', 'h', '', 1, NULL);`);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT id, invitation_id, last_seen_at FROM tokens').all()).toEqual([
      { id: 'T', invitation_id: null, last_seen_at: null },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });
});
