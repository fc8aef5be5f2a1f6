// Access control against a real relay process: unit isolation, wrong and revoked tokens,
// read-only viewers, the blob endpoint, the admin API, health, and logs free of secrets.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createUnit, decodeInvitation, revokeToken } from '@tianbao/relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitFor } from './support/relay-client.ts';
import { type RelayProcess, startRelayProcess, tempDir } from './support/relay-process.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const secretText = '机密活动内容-不应出现在日志里';

describe('relay access', () => {
  let relay: RelayProcess;
  let dataDir: string;
  let unitA: Awaited<ReturnType<typeof createUnit>>;
  let unitB: Awaited<ReturnType<typeof createUnit>>;
  const clients: TestClient[] = [];
  const client = (name: string, token: string) => {
    const c = connectClient({ url: relay.url, name, token });
    clients.push(c);
    return c;
  };
  const docA = () => `${unitA.unit.id}/2026`;
  const docB = () => `${unitB.unit.id}/2026`;

  beforeAll(async () => {
    dataDir = tempDir();
    unitA = await createUnit({ dataDir, name: '甲县应急管理局', relayUrl: 'ws://127.0.0.1:1' });
    unitB = await createUnit({ dataDir, name: '乙县应急管理局', relayUrl: 'ws://127.0.0.1:1' });
    relay = await startRelayProcess({ dataDir, args: ['--max-blob-bytes', '100000'] });
    const b = client(docB(), unitB.editor.token);
    await b.synced;
    b.addEntry('b1', { title: secretText });
    await waitFor(() => b.acknowledged(), 'unit B content stored');
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await relay?.stop();
  });

  it('unit A cannot read or write unit B', async () => {
    for (const token of [unitA.editor.token, unitA.admin.token, unitA.viewer.token]) {
      const intruder = client(docB(), token);
      await waitFor(() => intruder.refused() !== undefined, 'refusal');
      expect(intruder.refused()).toBe('forbidden');
      intruder.addEntry('evil', { title: 'written by unit A' });
      await sleep(200);
      expect(intruder.entries().has('b1')).toBe(false);
      intruder.destroy();
    }
    const owner = client(docB(), unitB.viewer.token);
    await owner.synced;
    expect(owner.entries().get('b1')?.get('title')).toBe(secretText);
    expect(owner.entries().has('evil')).toBe(false);
  });

  it('refuses wrong tokens, malformed document names and revoked tokens', async () => {
    const wrong = client(docA(), randomBytes(32).toString('base64url'));
    await waitFor(() => wrong.refused() !== undefined, 'refusal');
    expect(wrong.refused()).toBe('invalid-token');
    const badName = client('no-unit-prefix', unitA.editor.token);
    await waitFor(() => badName.refused() !== undefined, 'refusal');
    expect(badName.refused()).toBe('invalid-document-name');

    // A live editor whose token is revoked (by another process, like the CLI) is cut off.
    const extra = await createUnit({ dataDir, name: '丙单位', relayUrl: 'ws://127.0.0.1:1' });
    const name = `${extra.unit.id}/log`;
    const watcher = client(name, extra.admin.token);
    const doomed = client(name, extra.editor.token);
    await Promise.all([watcher.synced, doomed.synced]);
    doomed.addEntry('before', { title: 'ok' });
    await waitFor(() => watcher.entries().has('before'), 'edit before revocation');
    expect((await revokeToken({ dataDir, token: extra.editor.token }))?.revokedAt).toBeTypeOf('number');
    // Revoked by another process: the relay finds it on its 2-second sweep, later on a busy machine.
    await relay.waitForLog((l) => l.event === 'disconnect revoked' && l.user === extra.editor.id, 20_000);
    doomed.addEntry('after', { title: 'must not arrive' });
    await sleep(300);
    expect(watcher.entries().has('after')).toBe(false);
    const again = client(name, extra.editor.token);
    await waitFor(() => again.refused() !== undefined, 'refusal');
    expect(again.refused()).toBe('token-revoked');
  });

  it('keeps viewers read-only on the server', async () => {
    const name = `${unitA.unit.id}/viewer-check`;
    const editor = client(name, unitA.editor.token);
    const viewer = client(name, unitA.viewer.token);
    await Promise.all([editor.synced, viewer.synced]);
    editor.addEntry('e1', { title: '编辑者写的' });
    await waitFor(() => viewer.entries().has('e1'), 'viewer receives edits');
    viewer.addEntry('v1', { title: '查看者试图写入' });
    editor.addEntry('e2', { title: '之后' });
    await waitFor(() => viewer.entries().has('e2'), 'viewer keeps receiving');
    await sleep(200);
    expect(editor.entries().has('v1')).toBe(false);
    const fresh = client(name, unitA.editor.token);
    await fresh.synced;
    expect([...fresh.entries().keys()].sort()).toEqual(['e1', 'e2']);
  });

  it('serves content-addressed blobs to the unit only, viewers read-only, with hash and size checks', async () => {
    const bytes = randomBytes(50_000);
    const hash = sha(bytes);
    const url = (unit: string, h = hash) => `${relay.httpUrl}/blobs/${unit}/${h}`;
    const put = (u: string, token: string, body: Uint8Array) =>
      fetch(u, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}` },
        body: new Blob([new Uint8Array(body)]),
      });
    const get = (u: string, token: string) => fetch(u, { headers: { Authorization: `Bearer ${token}` } });
    const A = unitA.unit.id;

    expect((await put(url(A), unitA.viewer.token, bytes)).status).toBe(403);
    expect((await put(url(A), 'nonsense', bytes)).status).toBe(401);
    expect((await put(url(A), unitB.editor.token, bytes)).status).toBe(403);
    expect((await put(url(A, sha(Buffer.from('other'))), unitA.editor.token, bytes)).status).toBe(400);
    expect((await put(url(A), unitA.editor.token, bytes)).status).toBe(201);
    expect((await put(url(A), unitA.editor.token, bytes)).status).toBe(200);
    const big = randomBytes(100_001);
    expect((await put(url(A, sha(big)), unitA.editor.token, big)).status).toBe(413);

    const viewerGet = await get(url(A), unitA.viewer.token);
    expect(viewerGet.status).toBe(200);
    expect(sha(new Uint8Array(await viewerGet.arrayBuffer()))).toBe(hash);
    expect((await get(url(A), unitB.admin.token)).status).toBe(403);
    expect((await get(url(unitB.unit.id), unitB.admin.token)).status).toBe(404);
    expect((await get(url(A, sha(big)), unitA.editor.token)).status).toBe(404);
    expect((await fetch(url(A))).status).toBe(401);
  });

  it('lets a unit admin issue, list and revoke shared tokens over HTTP', async () => {
    const base = `${relay.httpUrl}/admin/units/${unitA.unit.id}`;
    const auth = (token: string) => ({
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    });
    expect((await fetch(`${base}/tokens`, { headers: auth(unitA.editor.token) })).status).toBe(403);
    expect(
      (
        await fetch(`${relay.httpUrl}/admin/units/${unitB.unit.id}/tokens`, {
          headers: auth(unitA.admin.token),
        })
      ).status,
    ).toBe(403);

    const res = await fetch(`${base}/tokens`, {
      method: 'POST',
      headers: auth(unitA.admin.token),
      body: JSON.stringify({ role: 'viewer', label: '张三' }),
    });
    expect(res.status).toBe(201);
    const issued = (await res.json()) as { id: string; invitation: string };
    const inv = decodeInvitation(issued.invitation);
    expect(inv).toMatchObject({
      relayUrl: relay.url,
      unitId: unitA.unit.id,
      role: 'viewer',
      unitName: '甲县应急管理局',
    });
    const joined = connectClient({ url: inv.relayUrl, name: docA(), token: inv.token });
    clients.push(joined);
    await joined.synced;

    const list = (await (await fetch(`${base}/tokens`, { headers: auth(unitA.admin.token) })).json()) as {
      tokens: { id: string; label: string; revokedAt: number | null }[];
    };
    expect(list.tokens.find((t) => t.id === issued.id)).toMatchObject({ label: '张三', revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(inv.token);

    const revoked = await fetch(`${base}/tokens/${issued.id}/revoke`, {
      method: 'POST',
      headers: auth(unitA.admin.token),
    });
    expect(revoked.status).toBe(200);
    await relay.waitForLog((l) => l.event === 'disconnect revoked' && l.user === issued.id, 3000);
    const refused = client(docA(), inv.token);
    await waitFor(() => refused.refused() !== undefined, 'refusal');
    expect(refused.refused()).toBe('token-revoked');
  });

  it('registers a unit for the first connect, invites by code, shows who is online, revokes one member at once', async () => {
    const json = async (method: string, path: string, body?: unknown, token?: string) => {
      const res = await fetch(`${relay.httpUrl}${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    };
    const reg = (await json('POST', '/units', { name: '戊县应急管理局', member: '张三' })).body;
    const base = `/admin/units/${reg.unitId}`;
    const code = (await json('POST', `${base}/invitations`, { role: 'editor' }, reg.token)).body.code;
    const wang = (await json('POST', `/units/${reg.unitId}/join`, { code, name: '王丽' })).body;
    const li = (await json('POST', `/units/${reg.unitId}/join`, { code, name: '李四' })).body;
    const name = `${reg.unitId}/log`;
    const admin = client(name, reg.token as string);
    const w = client(name, wang.token as string);
    const l = client(name, li.token as string);
    await Promise.all([admin.synced, w.synced, l.synced]);
    const members = async () =>
      (await json('GET', `${base}/members`, undefined, reg.token)).body.members as unknown as {
        name: string;
        online: boolean;
        lastSeenAt: number | null;
      }[];
    expect((await members()).map((m) => [m.name, m.online])).toEqual([
      ['张三', true],
      ['王丽', true],
      ['李四', true],
    ]);

    // Revoked: the open connection is closed at once, later edits are refused, the other member stays.
    await json('POST', `${base}/members/${wang.memberId}/revoke`, {}, reg.token);
    await relay.waitForLog(
      (line) => line.event === 'disconnect revoked' && line.user === wang.memberId,
      3000,
    );
    w.addEntry('after', { title: '撤销后写的' });
    l.addEntry('li', { title: '李四写的' });
    await waitFor(() => admin.entries().has('li'), 'the other member still syncs');
    await sleep(200);
    expect(admin.entries().has('after')).toBe(false);
    await waitFor(() => w.refused() === 'token-revoked', 'the revoked side is told why');
    const after = await members();
    expect(after[1]).toMatchObject({ name: '王丽', online: false });
    expect(after[1]?.lastSeenAt).toBeTypeOf('number');
    expect(relay.output()).not.toContain(code);
  });

  it('reports health and never logs tokens or document contents', async () => {
    const health = (await (await fetch(`${relay.httpUrl}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true });
    expect(health.documents).toBeTypeOf('number');
    expect(health.connections).toBeGreaterThan(0);
    expect(health.uptime).toBeTypeOf('number');

    const output = relay.output();
    expect(
      relay.logs.some((l) => l.event === 'connect' && l.unit === unitB.unit.id && l.user === unitB.editor.id),
    ).toBe(true);
    expect(relay.logs.some((l) => l.event === 'auth refused' && l.reason === 'forbidden')).toBe(true);
    for (const unit of [unitA, unitB]) {
      for (const t of [unit.admin, unit.editor, unit.viewer]) expect(output).not.toContain(t.token);
    }
    expect(output).not.toContain(secretText);
    expect(output).not.toContain('written by unit A');
  });

  it('manages units from the command line', () => {
    const root = resolve(import.meta.dirname, '..');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', 'relay', 'unit', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const dir = tempDir();
    const created = cli(
      'create',
      '--name',
      '丁单位',
      '--data',
      dir,
      '--relay-url',
      'ws://127.0.0.1:9999',
      '--json',
    );
    expect(created.status, created.stderr).toBe(0);
    const out = JSON.parse(created.stdout) as { unitId: string; editor: { id: string; invitation: string } };
    expect(decodeInvitation(out.editor.invitation)).toMatchObject({ unitId: out.unitId, role: 'editor' });
    const revoked = cli('revoke', '--token', out.editor.invitation, '--data', dir);
    expect(revoked.stdout).toContain(out.editor.id);
    const listed = cli('list', '--data', dir, '--json');
    const units = JSON.parse(listed.stdout) as {
      id: string;
      tokens: { id: string; revokedAt: number | null }[];
    }[];
    expect(units[0]?.tokens.find((t) => t.id === out.editor.id)?.revokedAt).toBeTypeOf('number');
    expect(cli('revoke', '--id', 'nope', '--data', dir).status).toBe(1);
  });
});
