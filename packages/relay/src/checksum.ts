import { createHash } from 'node:crypto';

/** What is stored beside every update and state: its sha-256, checked when it is read back. */
export const checksum = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** Whether `data` still is what was stored (a row without a checksum has nothing to check). */
export const intact = (data: Uint8Array, sum: Uint8Array | null): boolean =>
  sum === null ||
  Buffer.compare(checksum(data), Buffer.from(sum.buffer, sum.byteOffset, sum.byteLength)) === 0;
