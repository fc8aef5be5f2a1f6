// A damaged relay database (#18 finding 3), with the relay as a real process on its real SQLite
// file: a 0-byte file where a database was expected must not start as a new, empty relay, and a
// changed byte inside a stored update must not be served as data.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, truncateSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createUnit, listUnits } from '@tianbao/relay';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitFor } from './support/relay-client.ts';
import { type RelayProcess, startRelayProcess, tempDir } from './support/relay-process.ts';

const root = resolve(import.meta.dirname, '..');
const relays: RelayProcess[] = [];
const clients: TestClient[] = [];
const track = (c: TestClient) => {
  clients.push(c);
  return c;
};

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(relays.map((r) => r.stop()));
});

describe('a damaged relay database', () => {
  it('refuses to start on a 0-byte database file; --init starts a new one on purpose', async () => {
    const dataDir = tempDir();
    const unit = await createUnit({ dataDir, name: '某县应急管理局', relayUrl: 'ws://127.0.0.1:1' });
    const file = join(dataDir, 'tianbao.sqlite');
    expect(statSync(file).size).toBeGreaterThan(0);
    truncateSync(file, 0);
    for (const leftover of [`${file}-wal`, `${file}-shm`]) expect(existsSync(leftover)).toBe(false);

    const refused = await startRelayProcess({ dataDir }).then(
      (r) => {
        relays.push(r);
        return '';
      },
      (error: Error) => error.message,
    );
    expect(refused).toContain('is empty (0 bytes) where a relay database was expected');
    expect(refused).toContain('--init');
    expect(statSync(file).size).toBe(0);

    // The unit commands refuse too, instead of listing no units.
    await expect(listUnits({ dataDir })).rejects.toThrow(/0 bytes/);
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/bin.ts', 'relay', 'unit', 'list', '--data', dataDir],
      { cwd: root, encoding: 'utf8' },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('0 bytes');

    const fresh = await startRelayProcess({ dataDir, args: ['--init'] });
    relays.push(fresh);
    expect(await listUnits({ dataDir })).toEqual([]);
    const c = track(connectClient({ url: fresh.url, name: `${unit.unit.id}/log`, token: unit.editor.token }));
    await waitFor(() => c.refused() !== undefined, 'the old token refused by the new relay');
    expect(c.refused()).toBe('invalid-token');
  });

  it('quarantines a stored update whose bytes changed and serves the rest, saying so', async () => {
    const dataDir = tempDir();
    const unit = await createUnit({ dataDir, name: '某县应急管理局', relayUrl: 'ws://127.0.0.1:1' });
    const relay = await startRelayProcess({ dataDir });
    relays.push(relay);
    const name = `${unit.unit.id}/log`;
    const first = track(connectClient({ url: relay.url, name, token: unit.editor.token }));
    await first.synced;
    first.addEntry('keep', { title: '应急演练' });
    await waitFor(() => first.acknowledged(), 'first edit acknowledged');
    const second = track(connectClient({ url: relay.url, name, token: unit.editor.token }));
    await second.synced;
    second.addEntry('damaged', { title: '宣传进企业' });
    await waitFor(() => second.acknowledged(), 'second edit acknowledged');
    await relay.kill('SIGKILL');
    first.destroy();
    second.destroy();

    // 宣 (e5 ae a3) becomes 室 (e5 ae a4) inside the stored update: still a well-formed update.
    const db = new Database(join(dataDir, 'tianbao.sqlite'));
    const rows = db.prepare('SELECT id, data FROM updates WHERE name = ?').all(name) as {
      id: number;
      data: Buffer;
    }[];
    const hit = rows.find((r) => r.data.includes(Buffer.from('宣')));
    if (!hit) throw new Error('the update to damage is not in the tail');
    const damaged = Buffer.from(hit.data);
    damaged[damaged.indexOf(Buffer.from('宣')) + 2] = 0xa4;
    db.prepare('UPDATE updates SET data = ? WHERE id = ?').run(damaged, hit.id);
    db.close();

    await relay.restart();
    const reader = track(connectClient({ url: relay.url, name, token: unit.viewer.token }));
    await reader.synced;
    await waitFor(() => reader.entries().has('keep'), 'the undamaged entry served');
    expect(JSON.stringify(reader.entries().toJSON())).not.toContain('室传进企业');
    expect(reader.entries().has('damaged')).toBe(false);
    const report = await relay.waitForLog((l) => l.event === 'update quarantined' && l.document === name);
    expect(report).toMatchObject({ level: 'error', source: 'update', reason: 'checksum-mismatch' });
    const check = new Database(join(dataDir, 'tianbao.sqlite'), { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM quarantine WHERE name = ?').get(name)).toEqual({ n: 1 });
    check.close();
    const health = (await (await fetch(`${relay.httpUrl}/health`)).json()) as {
      database: { quarantined: number };
    };
    expect(health.database.quarantined).toBe(1);
  });
});
