import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { blobCheck } from './blob-check.ts';
import type { BlobStore } from './storage.ts';

/** Bytes per stored chunk: a 200 MiB attachment is 200 rows, never one 200 MiB value in memory. */
const chunkBytes = 2 ** 20;
/** Chunks of an upload that never finished (a relay killed mid-upload) are removed after this. */
const abandonedAfterMs = 60 * 60_000;

/**
 * Attachments in PostgreSQL: each upload streams into 1 MiB bytea chunks under a fresh upload id
 * (no long transaction holds a connection while a slow client sends), and only a body whose
 * sha-256 matches its name becomes visible, by one INSERT into tianbao.blobs. A second upload of
 * the same blob is checked the same way and then dropped.
 */
export class PostgresBlobStore implements BlobStore {
  constructor(private readonly pool: pg.Pool) {}

  async size(unitId: string, sha256: string): Promise<number | undefined> {
    return (await this.find(unitId, sha256))?.size;
  }

  async put(unitId: string, sha256: string, body: Readable, maxBytes: number): Promise<boolean> {
    const check = blobCheck(sha256, maxBytes);
    const known = (await this.find(unitId, sha256)) !== undefined;
    const uploadId = randomUUID();
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const write = async (bytes: Buffer) => {
      await this.pool.query(
        'INSERT INTO tianbao.blob_chunks (upload_id, seq, data, created_at) VALUES ($1, $2, $3, $4)',
        [uploadId, seq++, bytes, Date.now()],
      );
    };
    try {
      for await (const chunk of check.stage(body)) {
        if (known) continue;
        pending.push(chunk);
        pendingBytes += chunk.length;
        while (pendingBytes >= chunkBytes) {
          const all = Buffer.concat(pending);
          await write(all.subarray(0, chunkBytes));
          pending = [all.subarray(chunkBytes)];
          pendingBytes = all.length - chunkBytes;
        }
      }
      const size = check.finish();
      if (known) return false;
      if (pendingBytes) await write(Buffer.concat(pending));
      const inserted = await this.pool.query(
        `INSERT INTO tianbao.blobs (unit_id, sha256, size, upload_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (unit_id, sha256) DO NOTHING`,
        [unitId, sha256, size, uploadId, Date.now()],
      );
      if (inserted.rowCount === 1) return true;
      await this.drop(uploadId);
      return false;
    } catch (error) {
      await this.drop(uploadId).catch(() => {});
      throw error;
    }
  }

  async open(unitId: string, sha256: string): Promise<Readable | undefined> {
    const blob = await this.find(unitId, sha256);
    if (!blob) return undefined;
    const { pool } = this;
    return Readable.from(
      (async function* () {
        for (let seq = 0; ; seq++) {
          const r = await pool.query<{ data: Buffer }>(
            'SELECT data FROM tianbao.blob_chunks WHERE upload_id = $1 AND seq = $2',
            [blob.uploadId, seq],
          );
          const data = r.rows[0]?.data;
          if (!data) return;
          yield data;
        }
      })(),
    );
  }

  async *list(): AsyncIterable<{ unitId: string; sha256: string }> {
    const r = await this.pool.query<{ unit_id: string; sha256: string }>(
      'SELECT unit_id, sha256 FROM tianbao.blobs ORDER BY unit_id, sha256',
    );
    for (const row of r.rows) yield { unitId: row.unit_id, sha256: row.sha256 };
  }

  /** Removes chunks of uploads that never finished (called when a relay starts). */
  async sweepAbandoned(): Promise<number> {
    const r = await this.pool.query(
      `DELETE FROM tianbao.blob_chunks c WHERE c.created_at < $1
       AND NOT EXISTS (SELECT 1 FROM tianbao.blobs b WHERE b.upload_id = c.upload_id)`,
      [Date.now() - abandonedAfterMs],
    );
    return r.rowCount ?? 0;
  }

  private async find(unitId: string, sha256: string) {
    const r = await this.pool.query<{ size: number; upload_id: string }>(
      'SELECT size, upload_id FROM tianbao.blobs WHERE unit_id = $1 AND sha256 = $2',
      [unitId, sha256],
    );
    const row = r.rows[0];
    return row && { size: row.size, uploadId: row.upload_id };
  }

  private async drop(uploadId: string): Promise<void> {
    await this.pool.query('DELETE FROM tianbao.blob_chunks WHERE upload_id = $1', [uploadId]);
  }
}
