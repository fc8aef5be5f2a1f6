import { timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import {
  type CreatedUnit,
  hashToken,
  type InvitationRecord,
  type IssuedInvitationCode,
  type IssuedToken,
  newInvitation,
  newToken,
  newUnit,
  type RedeemRefusal,
  type Role,
  redeemRefusal,
  type TokenRecord,
  type Unit,
} from './access.ts';
import {
  type InvitationRow,
  type TokenRow,
  toInvitation,
  toRecord,
  toUnit,
  type UnitRow,
} from './access-rows.ts';
import { inTransaction } from './postgres-pool.ts';
import type { AccessRows, AccessStore } from './storage.ts';

type Queryable = Pick<pg.ClientBase, 'query'>;

const insertUnit = 'INSERT INTO tianbao.units (id, name, created_at) VALUES ($1, $2, $3)';
const insertTokenSql = `INSERT INTO tianbao.tokens (id, unit_id, role, hash, label, created_at, revoked_at, invitation_id, last_seen_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const insertInvitationSql = `INSERT INTO tianbao.invitations (id, unit_id, role, hash, label, created_by, created_at, expires_at, revoked_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

/** Units, their members' tokens and invitation codes in PostgreSQL (the same rules as the SQLite store). */
export class PostgresAccessStore implements AccessStore {
  constructor(private readonly pool: pg.Pool) {}

  async createUnit(name: string): Promise<CreatedUnit> {
    const unit = newUnit(name);
    return inTransaction(this.pool, async (db) => {
      await db.query(insertUnit, [unit.id, unit.name, unit.createdAt]);
      return {
        unit,
        admin: await this.insertToken(db, unit.id, 'admin', 'created with the unit'),
        editor: await this.insertToken(db, unit.id, 'editor', 'editor invitation'),
        viewer: await this.insertToken(db, unit.id, 'viewer', 'viewer invitation'),
      };
    });
  }

  async registerUnit(name: string, memberName: string): Promise<{ unit: Unit; admin: IssuedToken }> {
    const unit = newUnit(name);
    return inTransaction(this.pool, async (db) => {
      await db.query(insertUnit, [unit.id, unit.name, unit.createdAt]);
      return { unit, admin: await this.insertToken(db, unit.id, 'admin', memberName.trim().slice(0, 100)) };
    });
  }

  async getUnit(id: string): Promise<Unit | undefined> {
    return this.unit(this.pool, id);
  }

  async listUnits(): Promise<Unit[]> {
    const r = await this.pool.query<UnitRow>(
      'SELECT id, name, created_at FROM tianbao.units ORDER BY created_at, id',
    );
    return r.rows.map(toUnit);
  }

  async issueToken(unitId: string, role: Role, label = ''): Promise<IssuedToken> {
    return this.insertToken(this.pool, unitId, role, label);
  }

  async listTokens(unitId?: string): Promise<TokenRecord[]> {
    const r = unitId
      ? await this.pool.query<TokenRow>(
          'SELECT * FROM tianbao.tokens WHERE unit_id = $1 ORDER BY created_at, id',
          [unitId],
        )
      : await this.pool.query<TokenRow>('SELECT * FROM tianbao.tokens ORDER BY unit_id, created_at, id');
    return r.rows.map(toRecord);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    const r = await this.pool.query<TokenRow>('SELECT * FROM tianbao.tokens WHERE id = $1', [id]);
    return r.rows[0] && toRecord(r.rows[0]);
  }

  async lookup(token: string): Promise<TokenRecord | undefined> {
    if (!token) return undefined;
    const hash = hashToken(token);
    const r = (await this.pool.query<TokenRow>('SELECT * FROM tianbao.tokens WHERE hash = $1', [hash]))
      .rows[0];
    // The lookup is by hash, so a timing difference reveals nothing about the secret; compare anyway.
    if (!r || !timingSafeEqual(Buffer.from(r.hash, 'hex'), Buffer.from(hash, 'hex'))) return undefined;
    return toRecord(r);
  }

  async verify(token: string): Promise<TokenRecord | undefined> {
    const r = await this.lookup(token);
    return r && r.revokedAt === null ? r : undefined;
  }

  async touch(id: string, at: number): Promise<void> {
    await this.pool.query('UPDATE tianbao.tokens SET last_seen_at = $1 WHERE id = $2', [at, id]);
  }

  async createInvitation(
    unitId: string,
    opts: { role: Role; label?: string; createdBy?: string; expiresAt?: number | null },
  ): Promise<IssuedInvitationCode> {
    const { record: r, code, hash } = newInvitation(unitId, opts);
    if (!(await this.unit(this.pool, unitId))) throw new Error(`unknown unit ${unitId}`);
    await this.insertInvitation(this.pool, { ...r, hash });
    return { ...r, code };
  }

  async listInvitations(unitId: string): Promise<InvitationRecord[]> {
    const r = await this.pool.query<InvitationRow>(
      'SELECT * FROM tianbao.invitations WHERE unit_id = $1 ORDER BY created_at, id',
      [unitId],
    );
    return r.rows.map(toInvitation);
  }

  async getInvitation(id: string): Promise<InvitationRecord | undefined> {
    const r = await this.pool.query<InvitationRow>('SELECT * FROM tianbao.invitations WHERE id = $1', [id]);
    return r.rows[0] && toInvitation(r.rows[0]);
  }

  async revokeInvitation(id: string): Promise<InvitationRecord | undefined> {
    await this.pool.query(
      'UPDATE tianbao.invitations SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [Date.now(), id],
    );
    return this.getInvitation(id);
  }

  async redeem(
    unitId: string,
    code: string,
    name: string,
    now = Date.now(),
  ): Promise<{ member: IssuedToken } | { refused: RedeemRefusal }> {
    return inTransaction(this.pool, async (db) => {
      // FOR SHARE: a revocation committing meanwhile waits for this exchange, or this one sees it.
      const r = code
        ? (
            await db.query<InvitationRow>('SELECT * FROM tianbao.invitations WHERE hash = $1 FOR SHARE', [
              hashToken(code),
            ])
          ).rows[0]
        : undefined;
      const refused = redeemRefusal(r && toInvitation(r), unitId, now);
      if (refused || !r) return { refused: refused ?? 'invalid-invitation' };
      return { member: await this.insertToken(db, unitId, r.role, name.trim().slice(0, 100), r.id) };
    });
  }

  async revoke(idOrToken: { id: string } | { token: string }): Promise<TokenRecord | undefined> {
    const r =
      'id' in idOrToken
        ? await this.pool.query<TokenRow>(
            'UPDATE tianbao.tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING *',
            [idOrToken.id, Date.now()],
          )
        : await this.pool.query<TokenRow>(
            'UPDATE tianbao.tokens SET revoked_at = coalesce(revoked_at, $2) WHERE hash = $1 RETURNING *',
            [hashToken(idOrToken.token), Date.now()],
          );
    return r.rows[0] && toRecord(r.rows[0]);
  }

  async live(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const r = await this.pool.query<{ id: string }>(
      'SELECT id FROM tianbao.tokens WHERE id = ANY($1::text[]) AND revoked_at IS NULL',
      [ids],
    );
    return new Set(r.rows.map((row) => row.id));
  }

  async exportRows(): Promise<AccessRows> {
    const tokens = await this.pool.query<TokenRow>(
      'SELECT * FROM tianbao.tokens ORDER BY unit_id, created_at, id',
    );
    const invitations = await this.pool.query<InvitationRow>(
      'SELECT * FROM tianbao.invitations ORDER BY unit_id, created_at, id',
    );
    return {
      units: await this.listUnits(),
      tokens: tokens.rows.map((r) => ({ ...toRecord(r), hash: r.hash })),
      invitations: invitations.rows.map((r) => ({ ...toInvitation(r), hash: r.hash })),
    };
  }

  async importRows(rows: AccessRows): Promise<void> {
    await inTransaction(this.pool, async (db) => {
      for (const u of rows.units)
        await db.query(`${insertUnit} ON CONFLICT (id) DO NOTHING`, [u.id, u.name, u.createdAt]);
      for (const t of rows.tokens)
        await db.query(`${insertTokenSql} ON CONFLICT (id) DO NOTHING`, [
          t.id,
          t.unitId,
          t.role,
          t.hash,
          t.label,
          t.createdAt,
          t.revokedAt,
          t.invitationId ?? null,
          t.lastSeenAt ?? null,
        ]);
      for (const i of rows.invitations ?? []) await this.insertInvitation(db, i, true);
    });
  }

  private async insertInvitation(
    db: Queryable,
    i: InvitationRecord & { hash: string },
    ignoreExisting = false,
  ): Promise<void> {
    await db.query(`${insertInvitationSql}${ignoreExisting ? ' ON CONFLICT (id) DO NOTHING' : ''}`, [
      i.id,
      i.unitId,
      i.role,
      i.hash,
      i.label,
      i.createdBy,
      i.createdAt,
      i.expiresAt,
      i.revokedAt,
    ]);
  }

  private async unit(db: Queryable, id: string): Promise<Unit | undefined> {
    const r = await db.query<UnitRow>('SELECT id, name, created_at FROM tianbao.units WHERE id = $1', [id]);
    return r.rows[0] && toUnit(r.rows[0]);
  }

  private async insertToken(
    db: Queryable,
    unitId: string,
    role: Role,
    label: string,
    invitationId: string | null = null,
  ): Promise<IssuedToken> {
    const { record, token, hash } = newToken(unitId, role, label, invitationId);
    if (!(await this.unit(db, unitId))) throw new Error(`unknown unit ${unitId}`);
    await db.query(insertTokenSql, [
      record.id,
      unitId,
      role,
      hash,
      label,
      record.createdAt,
      null,
      invitationId,
      null,
    ]);
    return { ...record, token };
  }
}
