import * as Y from 'yjs';

/**
 * A log is one root document plus a fixed number of entry shards, so a large log loads and syncs
 * in parts (a 100k-entry log is ~700 MB of heap as one Y.Doc; a shard is a thirty-second of that).
 *
 *   root   meta, plans, values (manual), profile, mappings (`<portal>\n<field>` → slot id), resolved
 *          (conflict decisions), clients
 *   eNN    entries: Y.Map<entryId, Y.Map<field, value>>; contributions as `c:<slotKey>` keys
 *
 * gc is off: overwritten values stay in the document, which is what history and conflict review read.
 */
export const ROOT = 'root';
export const DEFAULT_SHARDS = 32;

export const shardName = (i: number) => `e${String(i).padStart(2, '0')}`;

export const newDoc = () => new Y.Doc({ gc: false });

/** FNV-1a over the id: stable across replicas and versions, spreads ulids evenly. */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export const CONTRIBUTION_PREFIX = 'c:';

/** Where a change came from, so UI, undo and audit can tell them apart. */
export type ChangeOrigin =
  | { kind: 'local'; user: string }
  | { kind: 'remote'; peer?: string }
  /** From another page of this browser, which stored it already. */
  | { kind: 'tab' }
  | { kind: 'import'; source: string }
  | { kind: 'storage' };

export const originKind = (origin: unknown): ChangeOrigin['kind'] =>
  origin && typeof origin === 'object' && 'kind' in origin ? (origin as ChangeOrigin).kind : 'remote';
