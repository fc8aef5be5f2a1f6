import { createHash, randomBytes } from 'node:crypto';
import { isUnitId, type Role, roles } from '@tianbao/core';
import { ulid } from 'ulid';

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

/** A new token's secret and the record that stores only its hash. */
export function newToken(
  unitId: string,
  role: Role,
  label: string,
): { record: TokenRecord; token: string; hash: string } {
  if (!roles.includes(role)) throw new Error(`unknown role ${role}`);
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    hash: hashToken(token),
    record: { id: ulid(), unitId, role, label, createdAt: Date.now(), revokedAt: null },
  };
}

/** A new unit record (its name trimmed, never empty). */
export function newUnit(name: string): Unit {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('unit name must not be empty');
  return { id: ulid(), name: trimmed, createdAt: Date.now() };
}
