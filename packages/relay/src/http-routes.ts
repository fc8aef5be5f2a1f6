import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import type { Extension, Hocuspocus, onRequestPayload } from '@hocuspocus/server';
import { isUnitId } from './access.ts';
import { BlobError, isSha256 } from './blob-check.ts';
import { authorizer, send } from './http-util.ts';
import type { Logger } from './log.ts';
import type { AccessStore, BlobStore } from './storage.ts';
import { createUnitRoutes } from './unit-routes.ts';

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
  /** Registering a unit needs this code when set. */
  registrationCode?: string;
  /** Live connections per member token of a unit (this process). */
  online: (unitId: string) => Map<string, number>;
  /** The database and Redis, as /health reports them; `ok` is false when either is down. */
  dependencies: () => Promise<{ ok: boolean; [part: string]: unknown }>;
}

/**
 * Plain HTTP next to the WebSocket: GET /health, PUT|GET|HEAD /blobs/<unitId>/<sha256>, and units and
 * membership (unit-routes.ts). Every route answers here, so Hocuspocus' default text response is never sent.
 */
export function createHttpRoutes(options: HttpRoutesOptions): Extension {
  const { access, blobs, log } = options;
  const units = createUnitRoutes({
    access,
    log,
    online: options.online,
    sweepRevoked: options.sweepRevoked,
    ...(options.registrationCode ? { registrationCode: options.registrationCode } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  let instance: Hocuspocus | undefined;
  // How long events waited for the relay's single thread: the relay's own share of latency.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  const authorize = authorizer(access, log);

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
    if (await units(req, res, parts)) return;
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
