// Deterministic string hashes for ids that every replica and every part of the product must compute
// alike (slot ids, import keys, imported entry ids). Synchronous and dependency-free; not for security.

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

/** 106 bits as 28 hex digits: two cyrb53 lanes with different seeds. */
export function stableHash(text: string): string {
  const lane = (seed: number) => hash53(text, seed).toString(16).padStart(14, '0');
  return lane(0) + lane(0x9e3779b9);
}
