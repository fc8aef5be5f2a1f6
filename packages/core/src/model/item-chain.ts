import type * as Y from 'yjs';

/**
 * Every value a map key has held, read from Yjs' own item list (kept because gc is off). Yjs keeps
 * these items anyway; reading them gives history and lost concurrent writes without storing either twice.
 */
export interface KeyWrite {
  client: number;
  clock: number;
  value: unknown;
  /** Still the key's value. */
  current: boolean;
  /** On the winner's causal path: a sequential overwrite, not a lost concurrent write. */
  superseded: boolean;
}

interface ItemLike {
  id: { client: number; clock: number };
  left: ItemLike | null;
  origin: { client: number; clock: number } | null;
  deleted: boolean;
  content: { getContent(): unknown[] };
}

const keyOf = (id: { client: number; clock: number }) => `${id.client}:${id.clock}`;

export function keyWrites(map: Y.Map<unknown>, key: string): KeyWrite[] {
  const last = (map as unknown as { _map: Map<string, ItemLike> })._map.get(key);
  if (!last) return [];
  // Yjs merges consecutive deleted writes of one client into one item holding several values; split
  // them back into one write each (write j's origin is write j-1 of the same item).
  interface W {
    id: { client: number; clock: number };
    origin: { client: number; clock: number } | null;
    value: unknown;
    deleted: boolean;
  }
  const items: ItemLike[] = [];
  for (let it: ItemLike | null = last; it; it = it.left) items.push(it);
  const writes: W[] = [];
  for (const it of items.reverse()) {
    const content = it.content.getContent();
    content.forEach((value, j) => {
      const id = { client: it.id.client, clock: it.id.clock + j };
      const origin = j === 0 ? it.origin : { client: it.id.client, clock: it.id.clock + j - 1 };
      writes.push({ id, origin, value, deleted: it.deleted || j < content.length - 1 });
    });
  }
  const byId = new Map(writes.map((w) => [keyOf(w.id), w]));
  const final = writes[writes.length - 1] as W;
  const onPath = new Set<W>();
  for (
    let w: W | undefined = final;
    w && !onPath.has(w);
    w = w.origin ? byId.get(keyOf(w.origin)) : undefined
  )
    onPath.add(w);
  return writes.map((w) => ({
    client: w.id.client,
    clock: w.id.clock,
    value: w.value,
    current: w === final && !w.deleted,
    superseded: onPath.has(w) && w !== final,
  }));
}

/** Keys a map has ever had (including deleted ones). */
export const everKeys = (map: Y.Map<unknown>): string[] => [
  ...(map as unknown as { _map: Map<string, unknown> })._map.keys(),
];

/** The last write of one field inside a copy of a nested map that lost to a concurrent copy. */
export interface LostFieldWrite {
  field: string;
  client: number;
  clock: number;
  value: unknown;
  /** It replaced an earlier value in that copy: an edit made after the copy was created. */
  edit: boolean;
}

/**
 * Two replicas that put a new map under the same key concurrently (the same imported row, offline on
 * both) keep one copy whole; writes made into the other copy are no longer in any current value. This
 * reads each lost copy's fields from Yjs' items (deleted with the copy, kept because gc is off).
 */
export function lostCopyWrites<T>(parent: Y.Map<T>, key: string): LostFieldWrite[] {
  const out: LostFieldWrite[] = [];
  for (const w of keyWrites(parent as Y.Map<unknown>, key)) {
    if (w.current || w.superseded) continue;
    const copy = (w.value as { _map?: Map<string, ItemLike> } | null)?._map;
    if (!copy) continue;
    for (const [field, last] of copy) {
      // Consecutive writes of one client to a deleted key may be merged into one item.
      const values = last.content.getContent();
      out.push({
        field,
        client: last.id.client,
        clock: last.id.clock + values.length - 1,
        value: values[values.length - 1],
        edit: !!last.left || values.length > 1,
      });
    }
  }
  return out;
}
