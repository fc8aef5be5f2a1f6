import * as Y from 'yjs';

/** Folds a stored state and its tail into one state (a fresh gc:false doc validates every row). */
export function foldUpdates(state: Uint8Array | undefined, tail: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  try {
    if (state) Y.applyUpdate(doc, state);
    for (const update of tail) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The default fold: here, on this thread. */
export const foldHere = async (state: Uint8Array | undefined, tail: Uint8Array[]) => foldUpdates(state, tail);
