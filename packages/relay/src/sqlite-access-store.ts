import { timingSafeEqual } from 'node:crypto';
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
import type { RelayDatabase } from './sqlite-database.ts';
import type { AccessRows, AccessStore } from './storage.ts';

/** Units and their tokens in the relay's SQLite file. */
export class SqliteAccessStore implements AccessStore {
  private readonly liveStatement;

  constructor(private readonly db: RelayDatabase) {
    this.liveStatement = db.prepare<[string], { revoked_at: number | null }>(
      'SELECT revoked_at FROM tokens WHERE id = ?',
    );
  }

  async createUnit(name: string): Promise<CreatedUnit> {
    const unit = newUnit(name);
    return this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO units (id, name, created_at) VALUES (?, ?, ?)')
        .run(unit.id, unit.name, unit.createdAt);
      return {
        unit,
        admin: this.insertToken(unit.id, 'admin', 'created with the unit'),
        editor: this.insertToken(unit.id, 'editor', 'editor invitation'),
        viewer: this.insertToken(unit.id, 'viewer', 'viewer invitation'),
      };
    })();
  }

  async registerUnit(name: string, memberName: string): Promise<{ unit: Unit; admin: IssuedToken }> {
    const unit = newUnit(name);
    return this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO units (id, name, created_at) VALUES (?, ?, ?)')
        .run(unit.id, unit.name, unit.createdAt);
      return { unit, admin: this.insertToken(unit.id, 'admin', memberName.trim().slice(0, 100)) };
    })();
  }

  async getUnit(id: string): Promise<Unit | undefined> {
    return this.unit(id);
  }

  async listUnits(): Promise<Unit[]> {
    return this.db
      .prepare<[], UnitRow>('SELECT id, name, created_at FROM units ORDER BY created_at, id')
      .all()
      .map(toUnit);
  }

  async issueToken(unitId: string, role: Role, label = ''): Promise<IssuedToken> {
    return this.insertToken(unitId, role, label);
  }

  async listTokens(unitId?: string): Promise<TokenRecord[]> {
    const rows = unitId
      ? this.db
          .prepare<[string], TokenRow>('SELECT * FROM tokens WHERE unit_id = ? ORDER BY created_at, id')
          .all(unitId)
      : this.db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY unit_id, created_at, id').all();
    return rows.map(toRecord);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    const r = this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?').get(id);
    return r && toRecord(r);
  }

  async lookup(token: string): Promise<TokenRecord | undefined> {
    if (!token) return undefined;
    const hash = hashToken(token);
    const r = this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?').get(hash);
    // The lookup is by hash, so a timing difference reveals nothing about the secret; compare anyway.
    if (!r || !timingSafeEqual(Buffer.from(r.hash, 'hex'), Buffer.from(hash, 'hex'))) return undefined;
    return toRecord(r);
  }

  async verify(token: string): Promise<TokenRecord | undefined> {
    const r = await this.lookup(token);
    return r && r.revokedAt === null ? r : undefined;
  }

  async touch(id: string, at: number): Promise<void> {
    this.db.prepare('UPDATE tokens SET last_seen_at = ? WHERE id = ?').run(at, id);
  }

  async createInvitation(
    unitId: string,
    opts: { role: Role; label?: string; createdBy?: string; expiresAt?: number | null },
  ): Promise<IssuedInvitationCode> {
    const { record: r, code, hash } = newInvitation(unitId, opts);
    if (!this.unit(unitId)) throw new Error(`unknown unit ${unitId}`);
    this.insertInvitation({ ...r, hash });
    return { ...r, code };
  }

  async listInvitations(unitId: string): Promise<InvitationRecord[]> {
    return this.db
      .prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE unit_id = ? ORDER BY created_at, id')
      .all(unitId)
      .map(toInvitation);
  }

  async getInvitation(id: string): Promise<InvitationRecord | undefined> {
    const r = this.db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE id = ?').get(id);
    return r && toInvitation(r);
  }

  async revokeInvitation(id: string): Promise<InvitationRecord | undefined> {
    this.db
      .prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(Date.now(), id);
    return this.getInvitation(id);
  }

  async redeem(
    unitId: string,
    code: string,
    name: string,
    now = Date.now(),
  ): Promise<{ member: IssuedToken } | { refused: RedeemRefusal }> {
    return this.db.transaction(() => {
      const r = code
        ? this.db
            .prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE hash = ?')
            .get(hashToken(code))
        : undefined;
      const refused = redeemRefusal(r && toInvitation(r), unitId, now);
      if (refused || !r) return { refused: refused ?? 'invalid-invitation' };
      return { member: this.insertToken(unitId, r.role, name.trim().slice(0, 100), r.id) };
    })();
  }

  async revoke(idOrToken: { id: string } | { token: string }): Promise<TokenRecord | undefined> {
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

  async live(ids: readonly string[]): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.liveStatement.get(id)?.revoked_at === null));
  }

  async exportRows(): Promise<AccessRows> {
    return {
      units: await this.listUnits(),
      tokens: this.db
        .prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY unit_id, created_at, id')
        .all()
        .map((r) => ({ ...toRecord(r), hash: r.hash })),
      invitations: this.db
        .prepare<[], InvitationRow>('SELECT * FROM invitations ORDER BY unit_id, created_at, id')
        .all()
        .map((r) => ({ ...toInvitation(r), hash: r.hash })),
    };
  }

  async importRows(rows: AccessRows): Promise<void> {
    const unit = this.db.prepare(
      'INSERT INTO units (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    const token = this.db.prepare(
      'INSERT INTO tokens (id, unit_id, role, hash, label, created_at, revoked_at, invitation_id, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.db.transaction(() => {
      for (const u of rows.units) unit.run(u.id, u.name, u.createdAt);
      for (const t of rows.tokens)
        token.run(
          t.id,
          t.unitId,
          t.role,
          t.hash,
          t.label,
          t.createdAt,
          t.revokedAt,
          t.invitationId ?? null,
          t.lastSeenAt ?? null,
        );
      for (const i of rows.invitations ?? []) this.insertInvitation(i, true);
    })();
  }

  private insertInvitation(i: InvitationRecord & { hash: string }, ignoreExisting = false): void {
    this.db
      .prepare(
        `INSERT INTO invitations (id, unit_id, role, hash, label, created_by, created_at, expires_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)${ignoreExisting ? ' ON CONFLICT (id) DO NOTHING' : ''}`,
      )
      .run(i.id, i.unitId, i.role, i.hash, i.label, i.createdBy, i.createdAt, i.expiresAt, i.revokedAt);
  }

  private unit(id: string): Unit | undefined {
    const r = this.db
      .prepare<[string], UnitRow>('SELECT id, name, created_at FROM units WHERE id = ?')
      .get(id);
    return r && toUnit(r);
  }

  private insertToken(
    unitId: string,
    role: Role,
    label: string,
    invitationId: string | null = null,
  ): IssuedToken {
    const { record, token, hash } = newToken(unitId, role, label, invitationId);
    if (!this.unit(unitId)) throw new Error(`unknown unit ${unitId}`);
    this.db
      .prepare(
        'INSERT INTO tokens (id, unit_id, role, hash, label, created_at, revoked_at, invitation_id) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
      )
      .run(record.id, unitId, role, hash, label, record.createdAt, invitationId);
    return { ...record, token };
  }
}
