import type { IssuedToken, Role, TokenRecord, Unit } from './access.ts';
import { encodeInvitation } from './invitation.ts';
import { silentLogger } from './log.ts';
import { openStorage, type StorageLocation } from './open-storage.ts';
import type { AccessStore } from './storage.ts';

/** Where the relay keeps its data: the same dataDir/databaseFile/postgresUrl options the relay takes. */
export type DataLocation = StorageLocation;

export interface IssuedInvitation extends IssuedToken {
  /** tianbao://… string a colleague pastes (see encodeInvitation). */
  invitation: string;
}

export interface UnitListing extends Unit {
  tokens: TokenRecord[];
}

async function withAccess<T>(where: DataLocation, run: (access: AccessStore) => Promise<T>): Promise<T> {
  const storage = await openStorage(where, silentLogger);
  try {
    return await run(storage.access);
  } finally {
    await storage.close();
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
export function createUnit(where: DataLocation & { name: string; relayUrl: string }): Promise<{
  unit: Unit;
  admin: IssuedInvitation;
  editor: IssuedInvitation;
  viewer: IssuedInvitation;
}> {
  return withAccess(where, async (access) => {
    const { unit, admin, editor, viewer } = await access.createUnit(where.name);
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
): Promise<IssuedInvitation> {
  return withAccess(where, async (access) => {
    const unit = await access.getUnit(where.unitId);
    if (!unit) throw new Error(`unknown unit ${where.unitId}`);
    return invite(await access.issueToken(unit.id, where.role, where.label ?? ''), where.relayUrl, unit.name);
  });
}

/**
 * Revokes a token by its id or by the secret (or a whole invitation's token). A running relay
 * drops that token's connections within two seconds.
 */
export function revokeToken(
  where: DataLocation & ({ id: string } | { token: string }),
): Promise<TokenRecord | undefined> {
  return withAccess(where, (access) =>
    access.revoke('id' in where ? { id: where.id } : { token: where.token }),
  );
}

export function listUnits(where: DataLocation): Promise<UnitListing[]> {
  return withAccess(where, async (access) =>
    Promise.all(
      (await access.listUnits()).map(async (unit) => ({ ...unit, tokens: await access.listTokens(unit.id) })),
    ),
  );
}
