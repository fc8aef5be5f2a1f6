/**
 * Slot ids are a short hash of what the blank *is* (its row, its phrases and, for repeated phrases in
 * one row such as two `参与（ ）人次`, which repetition), never of where it sits, so inserting a row
 * above keeps every existing id and the data stored under it.
 */
export function slotIdFor(parts: {
  section: string;
  group: string;
  item: string;
  before: string;
  after: string;
  occurrence: number;
}): string {
  const key = [
    parts.section,
    parts.group,
    parts.item,
    parts.before,
    parts.after,
    String(parts.occurrence),
  ].join('\u001F');
  return `s${hash53(key).toString(36).padStart(11, '0').slice(-8)}`;
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash, stable across engines. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
