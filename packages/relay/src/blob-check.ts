import { createHash, type Hash } from 'node:crypto';

export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);

export class BlobError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BlobError';
  }
}

/**
 * Counts and hashes a blob's bytes as they stream through (a pipeline stage), refusing past
 * `maxBytes` (413). `finish()` then refuses bytes whose sha-256 is not their name (400).
 */
export function blobCheck(sha256: string, maxBytes: number) {
  if (!isSha256(sha256)) throw new BlobError(400, 'blob name must be a lowercase sha-256 hex digest');
  const hash: Hash = createHash('sha256');
  let size = 0;
  return {
    async *stage(chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > maxBytes) throw new BlobError(413, `blob larger than ${maxBytes} bytes`);
        hash.update(chunk);
        yield chunk;
      }
    },
    finish(): number {
      if (hash.digest('hex') !== sha256) throw new BlobError(400, 'blob content does not match its sha-256');
      return size;
    },
  };
}
