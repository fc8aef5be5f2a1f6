import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { blobCheck, isSha256 } from './blob-check.ts';
import type { BlobStore } from './storage.ts';

/**
 * Attachments on disk beside the SQLite file: `<dir>/<unitId>/<ab>/<sha256>`. Bytes stream into a
 * temporary file and are renamed into place only when their hash matches.
 */
export class FileBlobStore implements BlobStore {
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

  async put(unitId: string, sha256: string, body: Readable, maxBytes: number): Promise<boolean> {
    const check = blobCheck(sha256, maxBytes);
    const tmpDir = join(this.dir, '.incoming');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    // Opened before the pipeline starts: a write stream opening its file lazily could create it
    // after a refused body's temporary file was removed, leaving an empty file behind.
    const file = await open(tmp, 'w');
    try {
      await pipeline(body, check.stage, file.createWriteStream());
      check.finish();
      if ((await this.size(unitId, sha256)) !== undefined) return false;
      const target = this.path(unitId, sha256);
      await mkdir(join(target, '..'), { recursive: true });
      await rename(tmp, target);
      return true;
    } finally {
      await file.close().catch(() => {});
      await rm(tmp, { force: true });
    }
  }

  async open(unitId: string, sha256: string): Promise<Readable | undefined> {
    return (await this.size(unitId, sha256)) === undefined
      ? undefined
      : createReadStream(this.path(unitId, sha256));
  }

  async *list(): AsyncIterable<{ unitId: string; sha256: string }> {
    const entries = (dir: string) => readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const unit of await entries(this.dir)) {
      if (!unit.isDirectory() || unit.name.startsWith('.')) continue;
      for (const prefix of await entries(join(this.dir, unit.name))) {
        if (!prefix.isDirectory()) continue;
        for (const file of await entries(join(this.dir, unit.name, prefix.name)))
          if (file.isFile() && isSha256(file.name)) yield { unitId: unit.name, sha256: file.name };
      }
    }
  }
}
