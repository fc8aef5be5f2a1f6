import * as Y from 'yjs';

/** Throws when bytes are not a Yjs v2 update; decoding is cheaper than applying and touches no document. */
export function checkUpdateV2(update: Uint8Array): void {
  if (!(update instanceof Uint8Array) || update.length < 2) throw new Error('empty or not bytes');
  Y.decodeUpdateV2(update);
}

/** The same for v1 updates (what the sync protocol carries). */
export function checkUpdateV1(update: Uint8Array): void {
  if (!(update instanceof Uint8Array) || update.length < 2) throw new Error('empty or not bytes');
  Y.decodeUpdate(update);
}

export const isValidUpdateV1 = (update: Uint8Array): boolean => {
  try {
    checkUpdateV1(update);
    return true;
  } catch {
    return false;
  }
};
