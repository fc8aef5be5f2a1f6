import { createHash, randomBytes } from 'node:crypto';
import { DOCUMENT_NAME, isUnitId, type Role, roles } from '@tianbao/core';
import { ulid } from 'ulid';

export { isUnitId, type Role, roles };

export interface Unit {
  id: string;
  name: string;
  createdAt: number;
}

/**
 * What the relay keeps about a token: never the token itself, only its sha-256. A token is a member
 * (one person or device: `label` is their name), or a shared token made on the command line.
 */
export interface TokenRecord {
  id: string;
  unitId: string;
  role: Role;
  label: string;
  createdAt: number;
  revokedAt: number | null;
  /** The invitation this member joined with (null: registered the unit, or made on the command line). */
  invitationId: string | null;
  /** When a connection with this token last opened or closed. */
  lastSeenAt: number | null;
}

/**
 * An invitation code: exchanged, with the joining person's name, for a member token of their own
 * (redeem), so each member can be revoked alone. Usable by several people until it expires or is revoked.
 */
export interface InvitationRecord {
  id: string;
  unitId: string;
  role: Role;
  label: string;
  /** Token id of the admin who made it ('' from the command line). */
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface IssuedInvitationCode extends InvitationRecord {
  /** The secret a colleague redeems; only its hash is stored. */
  code: string;
}

export type RedeemRefusal = 'invalid-invitation' | 'invitation-expired' | 'invitation-revoked';

/** Why an invitation code cannot be redeemed now, or undefined when it can. */
export function redeemRefusal(
  invitation: InvitationRecord | undefined,
  unitId: string,
  now: number,
): RedeemRefusal | undefined {
  if (!invitation || invitation.unitId !== unitId) return 'invalid-invitation';
  if (invitation.revokedAt !== null) return 'invitation-revoked';
  if (invitation.expiresAt !== null && invitation.expiresAt <= now) return 'invitation-expired';
  return undefined;
}

/** A new invitation code and the record that stores only its hash. */
export function newInvitation(
  unitId: string,
  opts: { role: Role; label?: string; createdBy?: string; expiresAt?: number | null },
): { record: InvitationRecord; code: string; hash: string } {
  if (!roles.includes(opts.role)) throw new Error(`unknown role ${opts.role}`);
  const code = randomBytes(32).toString('base64url');
  return {
    code,
    hash: hashToken(code),
    record: {
      id: ulid(),
      unitId,
      role: opts.role,
      label: (opts.label ?? '').slice(0, 200),
      createdBy: opts.createdBy ?? '',
      createdAt: Date.now(),
      expiresAt: opts.expiresAt ?? null,
      revokedAt: null,
    },
  };
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

/** Splits `<unitId>/<logId>`; undefined when the name is not of that shape. */
export function parseDocumentName(name: string): { unitId: string; logId: string } | undefined {
  // core's one definition, which creating and importing a log check too (ids.ts).
  const m = DOCUMENT_NAME.exec(name);
  return m?.[1] && m[2] ? { unitId: m[1], logId: m[2] } : undefined;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token's secret and the record that stores only its hash. */
export function newToken(
  unitId: string,
  role: Role,
  label: string,
  invitationId: string | null = null,
): { record: TokenRecord; token: string; hash: string } {
  if (!roles.includes(role)) throw new Error(`unknown role ${role}`);
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    hash: hashToken(token),
    record: {
      id: ulid(),
      unitId,
      role,
      label,
      createdAt: Date.now(),
      revokedAt: null,
      invitationId,
      lastSeenAt: null,
    },
  };
}

/** A new unit record (its name trimmed, never empty). */
export function newUnit(name: string): Unit {
  const trimmed = name.trim().slice(0, 200);
  if (!trimmed) throw new Error('unit name must not be empty');
  return { id: ulid(), name: trimmed, createdAt: Date.now() };
}
