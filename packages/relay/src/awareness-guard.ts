import * as decoding from 'lib0/decoding';

/** The part of y-protocols' Awareness the check reads (the document's awareness on the relay). */
interface AwarenessView {
  meta: Map<number, { clock: number }>;
  states: Map<number, unknown>;
}

/** A presence is a name and what someone is looking at: far below this. */
export const MAX_AWARENESS_BYTES = 64 * 1024;

interface Owner {
  /** The token that introduced this awareness client id. */
  tokenId: string;
  socketId: string;
}

/** What check() decided: a refusal closes the connection; ignored entries were made into no-ops. */
export type PresenceCheck = { refuse: string; ignored?: undefined } | { refuse?: undefined; ignored: number };

/**
 * Who may change which presence (awareness state) in one document. A connection introduces its own
 * client id with its first presence; from then on only connections of the same token may change or
 * remove that id's state, and a connection introduces at most one id. Providers echo the states they
 * receive back to the relay, and remove states they have not heard from in 30 s (the relay times those
 * out itself), so an entry for someone else is not a reason to close a connection: it is made a no-op
 * in place (its clock rewritten to 0, same width, which y-protocols never applies) and the rest of the
 * message goes on.
 */
export class AwarenessGuard {
  private readonly owners = new Map<string, Map<number, Owner>>();

  /** Checks, and neutralizes in `update` itself, entries that would change someone else's presence. */
  check(
    document: string,
    awareness: AwarenessView,
    update: Uint8Array,
    who: { tokenId: string; socketId: string },
  ): PresenceCheck {
    if (update.byteLength > MAX_AWARENESS_BYTES) return { refuse: 'awareness-too-large' };
    const entries: { client: number; clock: number; removes: boolean; clockAt: number; clockEnd: number }[] =
      [];
    try {
      const d = decoding.createDecoder(update);
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) {
        const client = decoding.readVarUint(d);
        const clockAt = d.pos;
        const clock = decoding.readVarUint(d);
        const clockEnd = d.pos;
        const state = decoding.readVarString(d);
        JSON.parse(state);
        entries.push({ client, clock, removes: state === 'null', clockAt, clockEnd });
      }
    } catch {
      return { refuse: 'malformed-awareness' };
    }
    const owners = this.owners.get(document) ?? new Map<number, Owner>();
    const mine = () => [...owners.values()].filter((o) => o.socketId === who.socketId).length;
    let ignored = 0;
    for (const e of entries) {
      const current = awareness.meta.get(e.client)?.clock ?? 0;
      // What applyAwarenessUpdate would apply; anything else is an echo and changes nothing.
      const changes =
        e.clock > current || (e.clock === current && e.removes && awareness.states.has(e.client));
      if (!changes) continue;
      const owner = owners.get(e.client);
      if (owner?.tokenId === who.tokenId) {
        // A client that reconnected before the relay noticed its old socket is gone keeps its id.
        owner.socketId = who.socketId;
      } else if (!owner && !e.removes && mine() === 0) {
        owners.set(e.client, { tokenId: who.tokenId, socketId: who.socketId });
        this.owners.set(document, owners);
      } else {
        // 0 encoded over the clock's own bytes (0x80 … 0x00): y-protocols applies no clock of 0.
        update.fill(0x80, e.clockAt, e.clockEnd - 1);
        update[e.clockEnd - 1] = 0;
        ignored++;
      }
    }
    return { ignored };
  }
  /** The connection left: the ids it introduced are free again (Hocuspocus removes their states). */
  release(document: string, socketId: string): void {
    const owners = this.owners.get(document);
    if (!owners) return;
    for (const [id, o] of owners) if (o.socketId === socketId) owners.delete(id);
    if (!owners.size) this.owners.delete(document);
  }
}
