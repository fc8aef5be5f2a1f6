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
  const items: ItemLike[] = [];
  for (let it: ItemLike | null = last; it; it = it.left) items.push(it);
  const byId = new Map(items.map((it) => [keyOf(it.id), it]));
  const onPath = new Set<ItemLike>();
  for (let it: ItemLike | undefined = last; it; it = it.origin ? byId.get(keyOf(it.origin)) : undefined)
    onPath.add(it);
  return items.reverse().map((it) => {
    const content = it.content.getContent();
    return {
      client: it.id.client,
      clock: it.id.clock,
      value: content[content.length - 1],
      current: it === last && !it.deleted,
      superseded: onPath.has(it) && it !== last,
    };
  });
}

/** Keys a map has ever had (including deleted ones). */
export const everKeys = (map: Y.Map<unknown>): string[] => [
  ...(map as unknown as { _map: Map<string, unknown> })._map.keys(),
];
