/**
 * A refusal Hocuspocus understands: `reason` goes to the client (permission-denied or close
 * message), `code` closes a document connection. Codes 4000–4999 are application-defined.
 */
export class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly code = 4403,
  ) {
    super(reason);
    this.name = 'Refusal';
  }
}
