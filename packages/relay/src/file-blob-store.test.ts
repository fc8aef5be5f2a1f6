import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BlobError } from './blob-check.ts';
import { FileBlobStore as BlobStore } from './file-blob-store.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const chunks = (b: Buffer) => Readable.from([b.subarray(0, 1000), b.subarray(1000)]);

describe('blob store', () => {
  it('stores bytes under their sha-256, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-blobs-'));
    const store = new BlobStore(dir);
    const bytes = randomBytes(5000);
    expect(await store.put('U1', sha(bytes), chunks(bytes), 10_000)).toBe(true);
    expect(await store.put('U1', sha(bytes), chunks(bytes), 10_000)).toBe(false);
    expect(readFileSync(store.path('U1', sha(bytes)))).toEqual(bytes);
    expect(await store.size('U1', sha(bytes))).toBe(5000);
    expect(await store.size('U2', sha(bytes))).toBeUndefined();
  });

  it('rejects a wrong hash or an oversized body and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-blobs-'));
    const store = new BlobStore(dir);
    const bytes = randomBytes(5000);
    const wrong = sha(Buffer.from('x'));
    await expect(store.put('U1', wrong, chunks(bytes), 10_000)).rejects.toMatchObject({ status: 400 });
    await expect(store.put('U1', sha(bytes), chunks(bytes), 4999)).rejects.toBeInstanceOf(BlobError);
    await expect(store.put('U1', 'NOT-A-HASH', chunks(bytes), 10_000)).rejects.toMatchObject({ status: 400 });
    expect(await store.size('U1', wrong)).toBeUndefined();
    expect(readdirSync(join(dir, '.incoming'))).toEqual([]);
  });
});
