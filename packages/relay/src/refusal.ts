/**
 * A refusal Hocuspocus understands: `reason` goes to the client (permission-denied or close
 * message), `code` closes a document connection. Codes 4000–4999 are application-defined.
 *
 * It has no message: Hocuspocus prints every hook error that has one to stderr, and the relay logs
 * its refusals itself (as JSON, storage outages once). Clients retrying through a PostgreSQL outage
 * made a `[onAuthenticate] storage-unavailable` line per attempt. An error that is not a Refusal
 * keeps its message and is still printed.
 */
export class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly code = 4403,
  ) {
    super();
    this.name = 'Refusal';
    // A refused message is still printed by Hocuspocus ("closing connection … because of exception", no
    // hook to stop it): one line, since a refusal is an answer, not a fault with a stack worth reading.
    this.stack = `Refusal: ${reason}`;
  }
}
