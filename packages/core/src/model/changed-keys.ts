import type * as Y from 'yjs';

/**
 * The keys of `map` a transaction changed: set or deleted on the map itself, or changed inside the
 * nested type stored under them (an entry's fields live in a Y.Map under its id).
 */
export function changedKeys(tr: Y.Transaction, map: object): Set<string> {
  const keys = new Set<string>();
  for (const [type, subs] of tr.changed) {
    if ((type as unknown) === map) for (const k of subs) if (k) keys.add(k);
    const item = type._item;
    if (item && item.parent === map && typeof item.parentSub === 'string') keys.add(item.parentSub);
  }
  return keys;
}
