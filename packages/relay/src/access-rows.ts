import type { InvitationRecord, Role, TokenRecord, Unit } from './access.ts';

// Rows as both stores keep them (snake_case columns), and their records.
export interface TokenRow {
  id: string;
  unit_id: string;
  role: Role;
  hash: string;
  label: string;
  created_at: number;
  revoked_at: number | null;
  invitation_id: string | null;
  last_seen_at: number | null;
}

export interface InvitationRow {
  id: string;
  unit_id: string;
  role: Role;
  hash: string;
  label: string;
  created_by: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface UnitRow {
  id: string;
  name: string;
  created_at: number;
}

export const toRecord = (r: TokenRow): TokenRecord => ({
  id: r.id,
  unitId: r.unit_id,
  role: r.role,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  invitationId: r.invitation_id ?? null,
  lastSeenAt: r.last_seen_at ?? null,
});

export const toInvitation = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  unitId: r.unit_id,
  role: r.role,
  label: r.label,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, createdAt: r.created_at });
