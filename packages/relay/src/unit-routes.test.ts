import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from './log.ts';
import { type RunningRelay, startRelay } from './relay.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'tianbao-units-'));

// biome-ignore lint/suspicious/noExplicitAny: responses are read field by field in the tests
type Json = Record<string, any>;

async function call(relay: RunningRelay, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${relay.httpUrl}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text.startsWith('{') ? JSON.parse(text) : text) as Json,
  };
}

describe('units and members over HTTP', () => {
  let relay: RunningRelay;
  beforeAll(async () => {
    relay = await startRelay({ port: 0, dataDir: dir(), logger: silentLogger });
  });
  afterAll(() => relay.close());

  it('registers a unit for the person who connects first, as its admin', async () => {
    const r = await call(relay, 'POST', '/units', { name: '宝坻区应急管理局', member: '张三' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ unitName: '宝坻区应急管理局', role: 'admin' });
    const me = await call(relay, 'GET', `/units/${r.body.unitId}/me`, undefined, r.body.token);
    expect(me.body).toMatchObject({ memberId: r.body.memberId, name: '张三', role: 'admin' });
    expect((await call(relay, 'POST', '/units', { name: '', member: '张三' })).status).toBe(400);
    expect((await call(relay, 'GET', '/units/NOPE/me', undefined, r.body.token)).status).toBe(404);
  });

  it('invites by code: each colleague gets a member token; admins list, expire and revoke', async () => {
    const reg = (await call(relay, 'POST', '/units', { name: '单位', member: '张三' })).body;
    const admin = reg.token as string;
    const base = `/admin/units/${reg.unitId}`;
    const inv = await call(relay, 'POST', `${base}/invitations`, { role: 'editor', label: '科室' }, admin);
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ role: 'editor', label: '科室', expiresAt: null, revokedAt: null });
    const code = inv.body.code as string;

    const join = (name: string, c = code) =>
      call(relay, 'POST', `/units/${reg.unitId}/join`, { code: c, name });
    const wang = await join('王丽');
    expect(wang.status).toBe(201);
    expect(wang.body).toMatchObject({ role: 'editor', unitName: '单位' });
    expect(wang.body.token).not.toBe(code);
    const li = await join('李四');
    expect((await join('')).status).toBe(400);
    expect((await join('x', 'wrong')).body.reason).toBe('invalid-invitation');

    // Editors cannot administer.
    expect((await call(relay, 'GET', `${base}/members`, undefined, wang.body.token)).status).toBe(403);
    const members = (await call(relay, 'GET', `${base}/members`, undefined, admin)).body;
    expect(members.you).toBe(reg.memberId);
    expect(members.members.map((m: { name: string; role: string }) => `${m.name}/${m.role}`)).toEqual([
      '张三/admin',
      '王丽/editor',
      '李四/editor',
    ]);
    expect(members.members[1]).toMatchObject({ online: false, lastSeenAt: null, invitationId: inv.body.id });
    expect(JSON.stringify(members)).not.toContain(wang.body.token);

    // Revoking one member leaves the other; an admin cannot lock themselves out.
    const revoked = await call(relay, 'POST', `${base}/members/${wang.body.memberId}/revoke`, {}, admin);
    expect(revoked.body.revokedAt).toBeTypeOf('number');
    const gone = await call(relay, 'GET', `/units/${reg.unitId}/me`, undefined, wang.body.token);
    expect(gone).toMatchObject({ status: 401, body: { reason: 'token-revoked' } });
    expect((await call(relay, 'GET', `/units/${reg.unitId}/me`, undefined, li.body.token)).status).toBe(200);
    expect((await call(relay, 'POST', `${base}/members/${reg.memberId}/revoke`, {}, admin)).status).toBe(400);

    // Expiry and revocation of the invitation itself.
    const past = await call(relay, 'POST', `${base}/invitations`, { role: 'viewer', expiresAt: 1 }, admin);
    expect(past.status).toBe(400);
    const list = (await call(relay, 'GET', `${base}/invitations`, undefined, admin)).body.invitations;
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(code);
    await call(relay, 'POST', `${base}/invitations/${inv.body.id}/revoke`, {}, admin);
    expect((await join('赵六')).body.reason).toBe('invitation-revoked');
    expect((await call(relay, 'GET', `/units/${reg.unitId}/me`, undefined, li.body.token)).status).toBe(200);
  });

  it('serves a join page that explains the link without echoing it into the markup', async () => {
    const r = await fetch(`${relay.httpUrl}/join/01J0UNIT?name=%3Cscript%3E#code`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('通过邀请加入');
    expect(html).not.toContain('<script>alert');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('a relay with a registration code', () => {
  it('registers units only for those who give the code', async () => {
    const relay = await startRelay({
      port: 0,
      dataDir: dir(),
      logger: silentLogger,
      registrationCode: 's3cret',
    });
    try {
      const no = await call(relay, 'POST', '/units', { name: '单位', member: '张三' });
      expect(no).toMatchObject({ status: 403, body: { reason: 'registration-code' } });
      const yes = await call(relay, 'POST', '/units', {
        name: '单位',
        member: '张三',
        registrationCode: 's3cret',
      });
      expect(yes.status).toBe(201);
    } finally {
      await relay.close();
    }
  });
});
