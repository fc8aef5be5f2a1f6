import type pg from 'pg';

/**
 * The relay's tables, in their own schema `tianbao` (a database shared with other software keeps
 * its own tables apart). Each entry brings the schema from version i to i + 1; the running
 * version is in tianbao.schema_version. Never edit a released step: add one.
 */
const migrations: string[] = [
  `
  CREATE TABLE tianbao.documents (
    name text PRIMARY KEY,
    state bytea NOT NULL,
    checksum bytea,
    version bigint NOT NULL DEFAULT 1,
    updated_at bigint NOT NULL
  );
  CREATE TABLE tianbao.updates (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    data bytea NOT NULL,
    checksum bytea,
    created_at bigint NOT NULL
  );
  CREATE INDEX updates_by_name ON tianbao.updates (name, id);
  CREATE TABLE tianbao.quarantine (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    source text NOT NULL,
    data bytea NOT NULL,
    checksum bytea,
    reason text NOT NULL,
    quarantined_at bigint NOT NULL
  );
  CREATE TABLE tianbao.units (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE tianbao.tokens (
    id text PRIMARY KEY,
    unit_id text NOT NULL REFERENCES tianbao.units (id),
    role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    hash text NOT NULL UNIQUE,
    label text NOT NULL DEFAULT '',
    created_at bigint NOT NULL,
    revoked_at bigint,
    invitation_id text,
    last_seen_at bigint
  );
  CREATE INDEX tokens_by_unit ON tianbao.tokens (unit_id);
  CREATE TABLE tianbao.invitations (
    id text PRIMARY KEY,
    unit_id text NOT NULL REFERENCES tianbao.units (id),
    role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    hash text NOT NULL UNIQUE,
    label text NOT NULL DEFAULT '',
    created_by text NOT NULL DEFAULT '',
    created_at bigint NOT NULL,
    expires_at bigint,
    revoked_at bigint
  );
  CREATE INDEX invitations_by_unit ON tianbao.invitations (unit_id);
  CREATE TABLE tianbao.blobs (
    unit_id text NOT NULL,
    sha256 text NOT NULL,
    size bigint NOT NULL,
    upload_id text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (unit_id, sha256)
  );
  CREATE TABLE tianbao.blob_chunks (
    upload_id text NOT NULL,
    seq integer NOT NULL,
    data bytea NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (upload_id, seq)
  );
  `,
];

/** Any fixed number: the advisory lock that lets one relay process migrate while the others wait. */
const migrationLock = 7_416_016;

/**
 * Brings the database up to this relay's schema at start. Several processes starting at once
 * take turns (an advisory lock), and each step commits with its version number or not at all.
 */
export async function migrate(client: pg.ClientBase): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS tianbao');
    await client.query('CREATE TABLE IF NOT EXISTS tianbao.schema_version (version integer NOT NULL)');
    const row = await client.query<{ version: number }>('SELECT version FROM tianbao.schema_version');
    const from = row.rows[0]?.version ?? 0;
    if (from > migrations.length)
      throw new Error(
        `the database's schema (version ${from}) is newer than this relay's (${migrations.length}): upgrade the relay`,
      );
    for (let v = from; v < migrations.length; v++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[v] as string);
        await client.query('DELETE FROM tianbao.schema_version');
        await client.query('INSERT INTO tianbao.schema_version (version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: migrations.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
  }
}
