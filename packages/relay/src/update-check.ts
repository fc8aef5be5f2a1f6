import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus message types (see @hocuspocus/server MessageType) and y-protocols sync steps. */
const messageSync = 0;
const messageSyncReply = 4;
const syncStep2 = 1;
const syncUpdate = 2;

export type UpdateCheck = { ok: true; update?: Uint8Array } | { ok: false; reason: string };

/**
 * Reads a Hocuspocus frame (`<documentName><type>…`) and, when it carries a Yjs update (sync step 2
 * or update), checks that the update decodes completely. Run before
 * the real document sees it, so a malformed update never touches the stored log.
 */
export function checkFrame(frame: Uint8Array): UpdateCheck {
  let update: Uint8Array;
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== messageSync && type !== messageSyncReply) return { ok: true };
    const step = decoding.readVarUint(decoder);
    if (step !== syncStep2 && step !== syncUpdate) return { ok: true };
    update = decoding.readVarUint8Array(decoder);
  } catch {
    return { ok: false, reason: 'malformed-message' };
  }
  return checkUpdate(update) ? { ok: true, update } : { ok: false, reason: 'malformed-update' };
}

/**
 * Whether `update` is a well-formed Yjs (v1) update: every struct, its content and the delete
 * set decode to the end. (Applying to a scratch Y.Doc as well cost a random client id and guid
 * per message, a third of the relay's CPU when a client flushed its offline queue.)
 */
export function checkUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}
