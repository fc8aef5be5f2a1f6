import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { foldUpdates } from './fold.ts';
import type { QuarantinedRow, RelayStorage } from './storage.ts';

export interface MigrationReport {
  units: number;
  tokens: number;
  invitations: number;
  documents: number;
  blobs: number;
  /** Rows of the source that failed their checksum: quarantined there, not copied. */
  quarantined: QuarantinedRow[];
}

const digest = (doc: Y.Doc) => createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex');

/**
 * Copies a relay's data (units, tokens, invitations, every document, every attachment) from one
 * store to another, e.g. the embedded SQLite file into PostgreSQL. Documents are merged into the
 * target (a Yjs merge: running it twice, or into a target that already has the document, loses
 * nothing), then each is read back from the target and must contain exactly what the source held.
 */
export async function migrateStorage(
  from: RelayStorage,
  to: RelayStorage,
  progress: (line: string) => void = () => {},
): Promise<MigrationReport> {
  const rows = await from.access.exportRows();
  await to.access.importRows(rows);
  const quarantined: QuarantinedRow[] = [];
  const names = await from.documents.names();
  for (const name of names) {
    const source = await from.documents.load(name);
    for (const q of source.quarantined) quarantined.push(q);
    const state = foldUpdates(undefined, source.updates);
    await to.documents.append(name, state);
    // Read back: the target's document must already contain everything the source's holds.
    const target = new Y.Doc({ gc: false });
    for (const u of (await to.documents.load(name)).updates) Y.applyUpdate(target, u);
    const before = digest(target);
    Y.applyUpdate(target, state);
    if (digest(target) !== before)
      throw new Error(`document ${name} did not read back complete from the target`);
    progress(`document ${name}: ${state.byteLength} bytes, verified`);
  }
  let blobs = 0;
  for await (const { unitId, sha256 } of from.blobs.list()) {
    const body = await from.blobs.open(unitId, sha256);
    if (!body) continue;
    await to.blobs.put(unitId, sha256, body, Number.MAX_SAFE_INTEGER);
    if ((await to.blobs.size(unitId, sha256)) !== (await from.blobs.size(unitId, sha256)))
      throw new Error(`attachment ${unitId}/${sha256} did not read back from the target`);
    blobs++;
  }
  return {
    units: rows.units.length,
    tokens: rows.tokens.length,
    invitations: rows.invitations?.length ?? 0,
    documents: names.length,
    blobs,
    quarantined,
  };
}
