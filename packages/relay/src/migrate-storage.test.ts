import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from './log.ts';
import { migrateStorage } from './migrate-storage.ts';
import { openPostgresStorage } from './postgres-storage.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import { loadDoc } from './storage-suite.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres | undefined;
afterAll(async () => {
  await server?.destroy();
});

describe('migrating a relay from SQLite to PostgreSQL', () => {
  it('copies units, tokens, every document and attachment, verified, and can run twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-migrate-'));
    const from = openSqliteStorage({
      databaseFile: join(dir, 'tianbao.sqlite'),
      blobDir: join(dir, 'blobs'),
    });
    const { unit, editor } = await from.access.createUnit('某县应急管理局');
    const doc = new Y.Doc({ gc: false });
    doc.on('update', (u: Uint8Array) => void from.documents.append(`${unit.id}/log`, u));
    for (let i = 0; i < 20; i++) doc.getMap('entries').set(`e${i}`, `活动 ${i}`);
    await from.documents.compact(`${unit.id}/log`);
    doc.getMap('entries').set('late', '之后');
    const bytes = randomBytes(3000);
    const sha = createHash('sha256').update(bytes).digest('hex');
    await from.blobs.put(unit.id, sha, Readable.from([bytes]), 10_000);

    server = await startTestPostgres();
    const to = await openPostgresStorage(await server.createDatabase(), silentLogger);
    const report = await migrateStorage(from, to);
    expect(report).toMatchObject({ units: 1, tokens: 3, documents: 1, blobs: 1, quarantined: [] });
    expect(await to.access.verify(editor.token)).toMatchObject({ id: editor.id });
    expect((await loadDoc(to, `${unit.id}/log`)).getMap('entries').toJSON()).toEqual(
      doc.getMap('entries').toJSON(),
    );
    expect(await to.blobs.size(unit.id, sha)).toBe(3000);
    expect(await migrateStorage(from, to)).toMatchObject({ documents: 1 });
    expect((await loadDoc(to, `${unit.id}/log`)).getMap('entries').get('late')).toBe('之后');
    await from.close();
    await to.close();
  });
});
