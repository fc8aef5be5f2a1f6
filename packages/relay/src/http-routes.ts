import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import type { Extension, Hocuspocus, onRequestPayload } from '@hocuspocus/server';
import { isUnitId, type Role, type TokenRecord } from './access.ts';
import { BlobError, isSha256 } from './blob-check.ts';
import { encodeInvitation } from './invitation.ts';
import type { Logger } from './log.ts';
import type { AccessStore, BlobStore } from './storage.ts';

export interface HttpRoutesOptions {
  access: AccessStore;
  blobs: BlobStore;
  log: Logger;
  maxBlobBytes: number;
  startedAt: number;
  /** WebSocket URL put into invitations; defaults to ws://<Host header>. */
  publicUrl?: string;
  /** Drops live connections of revoked tokens at once. */
  sweepRevoked: () => Promise<void>;
  /** The database and Redis, as /health reports them; `ok` is false when either is down. */
  dependencies: () => Promise<{ ok: boolean; [part: string]: unknown }>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
};

const bearer = (req: IncomingMessage): string =>
  /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';

async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > limit) throw new BlobError(413, 'request body too large');
  }
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new BlobError(400, 'request body must be a JSON object');
}

const publicToken = (t: TokenRecord) => ({
  id: t.id,
  role: t.role,
  label: t.label,
  createdAt: t.createdAt,
  revokedAt: t.revokedAt,
});

/**
 * Plain HTTP next to the WebSocket: GET /health, PUT|GET|HEAD /blobs/<unitId>/<sha256>, and the
 * unit admin API under /admin/units/<unitId>/ (admin token). Every route answers here, so
 * Hocuspocus' default text response is never sent.
 */
export function createHttpRoutes(options: HttpRoutesOptions): Extension {
  const { access, blobs, log } = options;
  let instance: Hocuspocus | undefined;
  // How long events waited for the relay's single thread: the relay's own share of latency.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  /** The live token for `unitId`, or an error response already sent. */
  const authorize = async (req: IncomingMessage, res: ServerResponse, unitId: string, allowed: Role[]) => {
    const record = await access.verify(bearer(req));
    if (!record) {
      log(
        'auth refused',
        { unit: unitId, route: req.url?.split('/')[1] ?? '', reason: 'invalid-token' },
        'warn',
      );
      send(res, 401, { error: 'invalid or revoked token' });
      return undefined;
    }
    if (record.unitId !== unitId || !allowed.includes(record.role)) {
      log('auth refused', { unit: unitId, user: record.id, role: record.role, reason: 'forbidden' }, 'warn');
      send(res, 403, { error: 'this token may not do that' });
      return undefined;
    }
    return record;
  };

  const handleBlob = async (req: IncomingMessage, res: ServerResponse, unitId: string, sha: string) => {
    if (!isSha256(sha)) return send(res, 400, { error: 'blob name must be a lowercase sha-256 hex digest' });
    if (req.method === 'PUT') {
      const who = await authorize(req, res, unitId, ['admin', 'editor']);
      if (!who) return;
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (declared > options.maxBlobBytes) {
        res.setHeader('Connection', 'close');
        return send(res, 413, { error: `blob larger than ${options.maxBlobBytes} bytes` });
      }
      const created = await blobs.put(unitId, sha, req, options.maxBlobBytes);
      log('blob stored', { unit: unitId, user: who.id, blob: sha, created });
      return send(res, created ? 201 : 200, { sha256: sha, size: await blobs.size(unitId, sha) });
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!(await authorize(req, res, unitId, ['admin', 'editor', 'viewer']))) return;
      const size = await blobs.size(unitId, sha);
      const body = size === undefined || req.method === 'HEAD' ? undefined : await blobs.open(unitId, sha);
      if (size === undefined || (req.method === 'GET' && !body))
        return send(res, 404, { error: 'no such blob' });
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'private, max-age=31536000, immutable',
        ETag: `"${sha}"`,
      });
      if (!body) return res.end();
      await pipeline(body, res);
      return;
    }
    return send(res, 405, { error: 'method not allowed' });
  };

  const handleAdmin = async (req: IncomingMessage, res: ServerResponse, unitId: string, rest: string[]) => {
    const admin = await authorize(req, res, unitId, ['admin']);
    if (!admin) return;
    if (req.method === 'GET' && rest.join('/') === 'tokens') {
      return send(res, 200, {
        unit: await access.getUnit(unitId),
        tokens: (await access.listTokens(unitId)).map(publicToken),
      });
    }
    if (req.method === 'POST' && rest.join('/') === 'invitations') {
      const body = await readJson(req);
      const role = body.role;
      if (role !== 'editor' && role !== 'viewer' && role !== 'admin') {
        return send(res, 400, { error: 'role must be editor, viewer or admin' });
      }
      const label = typeof body.label === 'string' ? body.label.slice(0, 200) : '';
      const issued = await access.issueToken(unitId, role, label);
      const relayUrl = options.publicUrl ?? `ws://${req.headers.host ?? '127.0.0.1'}`;
      const unitName = (await access.getUnit(unitId))?.name;
      log('token issued', { unit: unitId, user: admin.id, token: issued.id, role });
      return send(res, 201, {
        ...publicToken(issued),
        token: issued.token,
        invitation: encodeInvitation({
          relayUrl,
          unitId,
          token: issued.token,
          role,
          ...(unitName ? { unitName } : {}),
        }),
      });
    }
    const [tokens, tokenId, action] = rest;
    if (req.method === 'POST' && tokens === 'tokens' && tokenId && action === 'revoke' && rest.length === 3) {
      const target = await access.getToken(tokenId);
      if (!target || target.unitId !== unitId) return send(res, 404, { error: 'no such token in this unit' });
      const revoked = await access.revoke({ id: tokenId });
      await options.sweepRevoked();
      log('token revoked', { unit: unitId, user: admin.id, token: tokenId });
      return send(res, 200, revoked && publicToken(revoked));
    }
    return send(res, 404, { error: 'no such admin route' });
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, PUT, POST, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      return res.end();
    }
    const url = new URL(req.url ?? '/', 'http://relay');
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      const { ok, ...dependencies } = await options.dependencies();
      // 503 when the database or Redis is down, so a load balancer's check can take this process out.
      send(res, ok ? 200 : 503, {
        ok,
        ...dependencies,
        documents: instance?.getDocumentsCount() ?? 0,
        connections: instance?.getConnectionsCount() ?? 0,
        uptime: Math.round((Date.now() - options.startedAt) / 1000),
        memory: { rss: memory.rss, heapUsed: memory.heapUsed },
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        eventLoopDelayMs: {
          p50: loopDelay.percentile(50) / 1e6,
          p99: loopDelay.percentile(99) / 1e6,
          max: loopDelay.max / 1e6,
        },
      });
      // ?resetLoopDelay=1 starts a new measuring interval (monitoring, benchmarks).
      if (url.searchParams.get('resetLoopDelay') === '1') loopDelay.reset();
      return;
    }
    const [head, unitId, ...rest] = parts;
    if (head === 'blobs' && unitId && isUnitId(unitId) && rest.length === 1 && rest[0]) {
      return handleBlob(req, res, unitId, rest[0]);
    }
    if (head === 'admin' && unitId === 'units' && rest[0] && isUnitId(rest[0])) {
      return handleAdmin(req, res, rest[0], rest.slice(1));
    }
    return send(res, 404, { error: 'not found' });
  };

  return {
    extensionName: 'tianbao-http',
    async onConfigure({ instance: i }) {
      instance = i;
    },
    onRequest({ request, response }: onRequestPayload) {
      route(request, response).catch((error: unknown) => {
        const status = error instanceof BlobError ? error.status : 500;
        if (status === 500)
          log('http error', { path: request.url?.split('?')[0], error: String(error) }, 'error');
        if (!response.headersSent)
          send(response, status, { error: error instanceof Error ? error.message : 'error' });
        else response.destroy();
      });
      // An empty rejection tells Hocuspocus the request is handled (no default response).
      return Promise.reject();
    },
  };
}
