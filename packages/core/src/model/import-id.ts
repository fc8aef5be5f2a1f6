/**
 * The entry id of an imported row, derived from its import key: two replicas importing the same file offline
 * create the same id, so their entries merge into one when they sync instead of doubling the row.
 * cyrb53 run twice with different seeds (106 bits, as @tianbao/excel's stableHash): collisions are not a
 * concern at a log's size; 'imp' + 28 hex digits.
 */
export function importEntryId(importKey: string): string {
  const lane = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < importKey.length; i++) {
      const ch = importKey.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  };
  return `imp${lane(0)}${lane(0x9e3779b9)}`;
}

/** Import keys are short machine strings (`ledger:<hash>`), never free text. */
export const IMPORT_KEY = /^[A-Za-z0-9:._-]{1,100}$/;
