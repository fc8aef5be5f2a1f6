import type { IncomingMessage, ServerResponse } from 'node:http';
import { type InvitationRecord, isUnitId, type Role, type TokenRecord } from './access.ts';
import { authorizer, readJson, send, textField } from './http-util.ts';
import { encodeInvitation } from './invitation.ts';
import { joinPage } from './join-page.ts';
import type { Logger } from './log.ts';
import { RateLimiter } from './rate-limiter.ts';
import type { AccessStore } from './storage.ts';

export interface UnitRoutesOptions {
  access: AccessStore;
  log: Logger;
  /** When set, registering a unit needs it (a relay others can reach); unset, anyone reaching it may. */
  registrationCode?: string;
  /** WebSocket URL put into invitations; defaults to ws://<Host header>. */
  publicUrl?: string;
  /** Live connections per member token of a unit (this process). */
  online: (unitId: string) => Map<string, number>;
  /** Drops live connections of revoked tokens at once. */
  sweepRevoked: () => Promise<void>;
}

const ROLES: Role[] = ['admin', 'editor', 'viewer'];
const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);

const publicToken = (t: TokenRecord) => ({
  id: t.id,
  role: t.role,
  label: t.label,
  createdAt: t.createdAt,
  revokedAt: t.revokedAt,
});

const publicInvitation = (i: InvitationRecord) => ({
  id: i.id,
  role: i.role,
  label: i.label,
  createdBy: i.createdBy,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  revokedAt: i.revokedAt,
});

/**
 * Units and membership over HTTP: registering a unit (the first connect from the dashboard), joining
 * with an invitation code, who am I, and the admin's members and invitations. Returns whether it
 * handled the request.
 */
export function createUnitRoutes(options: UnitRoutesOptions) {
  const { access, log } = options;
  // Registering and joining need no token; a few per minute per address is all a person needs.
  const limiter = new RateLimiter(1 / 6, 20, 0);

  const authorize = authorizer(access, log);

  const limited = (req: IncomingMessage, res: ServerResponse) => {
    if (limiter.reserve(req.socket.remoteAddress ?? '') === 0) return false;
    send(res, 429, { error: 'too many requests, try again in a minute', reason: 'rate-limited' });
    return true;
  };

  const register = async (req: IncomingMessage, res: ServerResponse) => {
    if (limited(req, res)) return;
    const body = await readJson(req);
    if (options.registrationCode && body.registrationCode !== options.registrationCode) {
      log('auth refused', { route: 'units', reason: 'registration-code' }, 'warn');
      return send(res, 403, { error: 'this relay needs its registration code', reason: 'registration-code' });
    }
    const name = textField(body, 'name', 200);
    const member = textField(body, 'member', 100);
    if (!name || !member) return send(res, 400, { error: 'name and member are required' });
    const { unit, admin } = await access.registerUnit(name, member);
    log('unit registered', { unit: unit.id, user: admin.id });
    return send(res, 201, {
      unitId: unit.id,
      unitName: unit.name,
      memberId: admin.id,
      role: admin.role,
      token: admin.token,
    });
  };

  const join = async (req: IncomingMessage, res: ServerResponse, unitId: string) => {
    if (limited(req, res)) return;
    const body = await readJson(req);
    const name = textField(body, 'name', 100);
    if (!name) return send(res, 400, { error: 'name is required' });
    const result = await access.redeem(unitId, typeof body.code === 'string' ? body.code : '', name);
    if ('refused' in result) {
      log('auth refused', { unit: unitId, route: 'join', reason: result.refused }, 'warn');
      return send(res, result.refused === 'invitation-expired' ? 410 : 403, {
        error: result.refused,
        reason: result.refused,
      });
    }
    const { member } = result;
    log('member joined', {
      unit: unitId,
      user: member.id,
      role: member.role,
      invitation: member.invitationId,
    });
    return send(res, 201, {
      unitId,
      unitName: (await access.getUnit(unitId))?.name ?? '',
      memberId: member.id,
      role: member.role,
      token: member.token,
    });
  };

  const admin = async (req: IncomingMessage, res: ServerResponse, unitId: string, rest: string[]) => {
    const me = await authorize(req, res, unitId, ['admin']);
    if (!me) return;
    const path = rest.join('/');
    const [head, id, action] = rest;
    if (req.method === 'GET' && path === 'tokens')
      return send(res, 200, {
        unit: await access.getUnit(unitId),
        tokens: (await access.listTokens(unitId)).map(publicToken),
      });
    if (req.method === 'GET' && path === 'members') {
      const online = options.online(unitId);
      return send(res, 200, {
        unit: await access.getUnit(unitId),
        you: me.id,
        members: (await access.listTokens(unitId)).map((t) => ({
          id: t.id,
          name: t.label,
          role: t.role,
          createdAt: t.createdAt,
          lastSeenAt: online.has(t.id) ? Date.now() : t.lastSeenAt,
          online: online.has(t.id),
          revokedAt: t.revokedAt,
          invitationId: t.invitationId,
        })),
      });
    }
    if (req.method === 'GET' && path === 'invitations')
      return send(res, 200, { invitations: (await access.listInvitations(unitId)).map(publicInvitation) });
    if (req.method === 'POST' && path === 'invitations') {
      const body = await readJson(req);
      if (!isRole(body.role)) return send(res, 400, { error: 'role must be editor, viewer or admin' });
      const expiresAt = body.expiresAt;
      if (
        expiresAt !== undefined &&
        expiresAt !== null &&
        (typeof expiresAt !== 'number' || expiresAt <= Date.now())
      )
        return send(res, 400, { error: 'expiresAt must be a future time in milliseconds' });
      const issued = await access.createInvitation(unitId, {
        role: body.role,
        label: textField(body, 'label', 200),
        createdBy: me.id,
        expiresAt: typeof expiresAt === 'number' ? expiresAt : null,
      });
      log('invitation issued', { unit: unitId, user: me.id, invitation: issued.id, role: issued.role });
      return send(res, 201, { ...publicInvitation(issued), code: issued.code });
    }
    if (req.method === 'POST' && path === 'tokens') {
      // A shared token as the command line makes them (tianbao:// invitation), for scripts.
      const body = await readJson(req);
      if (!isRole(body.role)) return send(res, 400, { error: 'role must be editor, viewer or admin' });
      const issued = await access.issueToken(unitId, body.role, textField(body, 'label', 200));
      const relayUrl = options.publicUrl ?? `ws://${req.headers.host ?? '127.0.0.1'}`;
      const unitName = (await access.getUnit(unitId))?.name;
      log('token issued', { unit: unitId, user: me.id, token: issued.id, role: issued.role });
      return send(res, 201, {
        ...publicToken(issued),
        token: issued.token,
        invitation: encodeInvitation({
          relayUrl,
          unitId,
          token: issued.token,
          role: issued.role,
          ...(unitName ? { unitName } : {}),
        }),
      });
    }
    if (
      req.method === 'POST' &&
      (head === 'tokens' || head === 'members') &&
      id &&
      action === 'revoke' &&
      rest.length === 3
    ) {
      const target = await access.getToken(id);
      if (!target || target.unitId !== unitId)
        return send(res, 404, { error: 'no such member in this unit' });
      if (target.id === me.id) return send(res, 400, { error: 'an admin cannot revoke their own access' });
      const revoked = await access.revoke({ id });
      await options.sweepRevoked();
      log('token revoked', { unit: unitId, user: me.id, token: id });
      return send(res, 200, revoked && publicToken(revoked));
    }
    if (req.method === 'POST' && head === 'invitations' && id && action === 'revoke' && rest.length === 3) {
      const target = await access.getInvitation(id);
      if (!target || target.unitId !== unitId)
        return send(res, 404, { error: 'no such invitation in this unit' });
      const revoked = await access.revokeInvitation(id);
      log('invitation revoked', { unit: unitId, user: me.id, invitation: id });
      return send(res, 200, revoked && publicInvitation(revoked));
    }
    return send(res, 404, { error: 'no such admin route' });
  };

  /** `parts`: the path's segments. */
  return async (req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<boolean> => {
    const [head, unitId, ...rest] = parts;
    if (head === 'units' && !unitId && req.method === 'POST') {
      await register(req, res);
      return true;
    }
    if (head === 'units' && unitId && (!isUnitId(unitId) || (await access.getUnit(unitId)) === undefined)) {
      send(res, 404, { error: 'no such unit on this relay', reason: 'unknown-unit' });
      return true;
    }
    if (head === 'units' && unitId && rest.join('/') === 'join' && req.method === 'POST') {
      await join(req, res, unitId);
      return true;
    }
    if (head === 'units' && unitId && rest.join('/') === 'me' && req.method === 'GET') {
      const me = await authorize(req, res, unitId, ['admin', 'editor', 'viewer']);
      if (me)
        send(res, 200, {
          memberId: me.id,
          name: me.label,
          role: me.role,
          unit: await access.getUnit(unitId),
        });
      return true;
    }
    if (head === 'admin' && unitId === 'units' && rest[0] && isUnitId(rest[0])) {
      await admin(req, res, rest[0], rest.slice(1));
      return true;
    }
    if (head === 'join' && unitId && rest.length === 0 && (req.method === 'GET' || req.method === 'HEAD')) {
      const html = joinPage();
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return true;
    }
    return false;
  };
}
