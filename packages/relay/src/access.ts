import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUnitId, type Role, roles } from '@tianbao/core';
import { ulid } from 'ulid';
import type { RelayDatabase } from './database.ts';

export { isUnitId, type Role, roles };

export interface Unit {
  id: string;
  name: string;
  createdAt: number;
}

/** What the relay keeps about a token: never the token itself, only its sha-256. */
export interface TokenRecord {
  id: string;
  unitId: string;
  role: Role;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A freshly issued token: the only time the secret exists outside the holder's hands. */
export interface IssuedToken extends TokenRecord {
  token: string;
}

export interface CreatedUnit {
  unit: Unit;
  admin: IssuedToken;
  editor: IssuedToken;
  viewer: IssuedToken;
}

/** unitId: ulid-like, no slash; logId: anything safe in a URL path segment. */
const documentNamePattern = /^([0-9A-Za-z_-]{1,64})\/([0-9A-Za-z_.:-]{1,128})$/;

/** Splits `<unitId>/<logId>`; undefined when the name is not of that shape. */
export function parseDocumentName(name: string): { unitId: string; logId: string } | undefined {
  const m = documentNamePattern.exec(name);
  return m?.[1] && m[2] ? { unitId: m[1], logId: m[2] } : undefined;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

interface TokenRow {
  id: string;
  unit_id: string;
  role: Role;
  hash: string;
  label: string;
  created_at: number;
  revoked_at: number | null;
}

const toRecord = (r: TokenRow): TokenRecord => ({
  id: r.id,
  unitId: r.unit_id,
  role: r.role,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Units and their tokens, in the relay's SQLite file. */
export class AccessStore {
  private readonly liveStatement;

  constructor(private readonly db: RelayDatabase) {
    this.liveStatement = db.prepare<[string], { revoked_at: number | null }>(
      'SELECT revoked_at FROM tokens WHERE id = ?',
    );
  }

  createUnit(name: string): CreatedUnit {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('unit name must not be empty');
    const unit: Unit = { id: ulid(), name: trimmed, createdAt: Date.now() };
    return this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO units (id, name, created_at) VALUES (?, ?, ?)')
        .run(unit.id, unit.name, unit.createdAt);
      return {
        unit,
        admin: this.issueToken(unit.id, 'admin', 'created with the unit'),
        editor: this.issueToken(unit.id, 'editor', 'editor invitation'),
        viewer: this.issueToken(unit.id, 'viewer', 'viewer invitation'),
      };
    })();
  }

  getUnit(id: string): Unit | undefined {
    const r = this.db
      .prepare<[string], { id: string; name: string; created_at: number }>(
        'SELECT id, name, created_at FROM units WHERE id = ?',
      )
      .get(id);
    return r && { id: r.id, name: r.name, createdAt: r.created_at };
  }

  listUnits(): Unit[] {
    return this.db
      .prepare<[], { id: string; name: string; created_at: number }>(
        'SELECT id, name, created_at FROM units ORDER BY created_at, id',
      )
      .all()
      .map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  /** A new random 32-byte token for a unit; only its hash is stored. */
  issueToken(unitId: string, role: Role, label = ''): IssuedToken {
    if (!roles.includes(role)) throw new Error(`unknown role ${role}`);
    if (!this.getUnit(unitId)) throw new Error(`unknown unit ${unitId}`);
    const token = randomBytes(32).toString('base64url');
    const record: TokenRecord = { id: ulid(), unitId, role, label, createdAt: Date.now(), revokedAt: null };
    this.db
      .prepare(
        'INSERT INTO tokens (id, unit_id, role, hash, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)',
      )
      .run(record.id, unitId, role, hashToken(token), label, record.createdAt);
    return { ...record, token };
  }

  listTokens(unitId?: string): TokenRecord[] {
    const rows = unitId
      ? this.db
          .prepare<[string], TokenRow>('SELECT * FROM tokens WHERE unit_id = ? ORDER BY created_at, id')
          .all(unitId)
      : this.db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY unit_id, created_at, id').all();
    return rows.map(toRecord);
  }

  getToken(id: string): TokenRecord | undefined {
    const r = this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?').get(id);
    return r && toRecord(r);
  }

  /** The live (not revoked) token with this secret, or undefined. */
  verify(token: string): TokenRecord | undefined {
    if (!token) return undefined;
    const hash = hashToken(token);
    const r = this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?').get(hash);
    // The lookup is by hash, so a timing difference reveals nothing about the secret; compare anyway.
    if (!r || !timingSafeEqual(Buffer.from(r.hash, 'hex'), Buffer.from(hash, 'hex'))) return undefined;
    return r.revoked_at === null ? toRecord(r) : undefined;
  }

  /** Revokes by token id or by the secret itself. Returns the revoked record, undefined if none matched. */
  revoke(idOrToken: { id: string } | { token: string }): TokenRecord | undefined {
    const row =
      'id' in idOrToken
        ? this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?').get(idOrToken.id)
        : this.db
            .prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?')
            .get(hashToken(idOrToken.token));
    if (!row) return undefined;
    if (row.revoked_at === null) {
      const at = Date.now();
      this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(at, row.id);
      row.revoked_at = at;
    }
    return toRecord(row);
  }

  /** Whether the token with this id is still live (used to drop connections of revoked tokens). */
  isLive(id: string): boolean {
    const r = this.liveStatement.get(id);
    return Boolean(r) && r?.revoked_at === null;
  }
}
