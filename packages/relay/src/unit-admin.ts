import { AccessStore, type IssuedToken, type Role, type TokenRecord, type Unit } from './access.ts';
import { openDatabase } from './database.ts';
import { encodeInvitation } from './invitation.ts';
import { type RelayOptions, resolveOptions } from './options.ts';

/** Where the relay keeps its data: the same dataDir/databaseFile options the relay takes. */
export type DataLocation = Pick<RelayOptions, 'dataDir' | 'databaseFile'>;

export interface IssuedInvitation extends IssuedToken {
  /** tianbao://… string a colleague pastes (see encodeInvitation). */
  invitation: string;
}

export interface UnitListing extends Unit {
  tokens: TokenRecord[];
}

function withAccess<T>(where: DataLocation, run: (access: AccessStore) => T): T {
  const db = openDatabase(resolveOptions(where).databaseFile);
  try {
    return run(new AccessStore(db));
  } finally {
    db.close();
  }
}

const invite = (issued: IssuedToken, relayUrl: string, unitName: string): IssuedInvitation => ({
  ...issued,
  invitation: encodeInvitation({
    relayUrl,
    unitId: issued.unitId,
    token: issued.token,
    role: issued.role,
    unitName,
  }),
});

/** Creates a unit with an admin token and one editor and one viewer invitation. */
export function createUnit(where: DataLocation & { name: string; relayUrl: string }): {
  unit: Unit;
  admin: IssuedInvitation;
  editor: IssuedInvitation;
  viewer: IssuedInvitation;
} {
  return withAccess(where, (access) => {
    const { unit, admin, editor, viewer } = access.createUnit(where.name);
    return {
      unit,
      admin: invite(admin, where.relayUrl, unit.name),
      editor: invite(editor, where.relayUrl, unit.name),
      viewer: invite(viewer, where.relayUrl, unit.name),
    };
  });
}

/** A further invitation (or admin token) for an existing unit. */
export function issueInvitation(
  where: DataLocation & { unitId: string; role: Role; relayUrl: string; label?: string },
): IssuedInvitation {
  return withAccess(where, (access) => {
    const unit = access.getUnit(where.unitId);
    if (!unit) throw new Error(`unknown unit ${where.unitId}`);
    return invite(access.issueToken(unit.id, where.role, where.label ?? ''), where.relayUrl, unit.name);
  });
}

/**
 * Revokes a token by its id or by the secret (or a whole invitation's token). A running relay
 * drops that token's connections within two seconds.
 */
export function revokeToken(
  where: DataLocation & ({ id: string } | { token: string }),
): TokenRecord | undefined {
  return withAccess(where, (access) =>
    access.revoke('id' in where ? { id: where.id } : { token: where.token }),
  );
}

export function listUnits(where: DataLocation): UnitListing[] {
  return withAccess(where, (access) =>
    access.listUnits().map((unit) => ({ ...unit, tokens: access.listTokens(unit.id) })),
  );
}
