import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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
 * Content-addressed attachments on disk: `<dir>/<unitId>/<ab>/<sha256>`. Bytes are hashed while
 * they stream into a temporary file and only renamed into place when the hash matches, so a
 * stored blob is always exactly the bytes its name promises.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  path(unitId: string, sha256: string): string {
    return join(this.dir, unitId, sha256.slice(0, 2), sha256);
  }

  async size(unitId: string, sha256: string): Promise<number | undefined> {
    try {
      const s = await stat(this.path(unitId, sha256));
      return s.isFile() ? s.size : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores `body` under its hash. Returns whether it was new. Throws BlobError (400, 413). */
  async put(unitId: string, sha256: string, body: Readable, maxBytes: number): Promise<boolean> {
    if (!isSha256(sha256)) throw new BlobError(400, 'blob name must be a lowercase sha-256 hex digest');
    const tmpDir = join(this.dir, '.incoming');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        body,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > maxBytes) throw new BlobError(413, `blob larger than ${maxBytes} bytes`);
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp),
      );
      const actual = hash.digest('hex');
      if (actual !== sha256) throw new BlobError(400, 'blob content does not match its sha-256');
      if ((await this.size(unitId, sha256)) !== undefined) return false;
      const target = this.path(unitId, sha256);
      await mkdir(join(target, '..'), { recursive: true });
      await rename(tmp, target);
      return true;
    } finally {
      await rm(tmp, { force: true });
    }
  }
}
