import { type Extension, Server } from '@hocuspocus/server';
import { createAuthExtension } from './auth-extension.ts';
import { Compactor } from './compactor.ts';
import { isRelayContext } from './context.ts';
import { corkPerTick } from './cork-per-tick.ts';
import { ErrorGate } from './error-gate.ts';
import { createGuardExtension } from './guard-extension.ts';
import { createHttpRoutes } from './http-routes.ts';
import { createLogger } from './log.ts';
import { openStorage } from './open-storage.ts';
import { type RelayOptions, resolveOptions } from './options.ts';
import { createPersistenceExtension } from './persistence-extension.ts';
import { createPreAuthGate } from './pre-auth-gate.ts';
import { createRedisExtension, redisReady } from './redis-extension.ts';
import { Refusal } from './refusal.ts';
import { createSocketGuard } from './socket-guard.ts';
import { SocketRegistry } from './socket-registry.ts';
import type { RelayStorage } from './storage.ts';

export interface RunningRelay {
  /** ws://host:port for providers */
  url: string;
  /** http://host:port for /health, /blobs, /admin */
  httpUrl: string;
  port: number;
  /** Where the data lives: the SQLite file, or the PostgreSQL URL without its password. */
  where: string;
  storage: RelayStorage;
  /** Closes connections, stores, and releases the database. */
  close(): Promise<void>;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

/** Starts a Hocuspocus relay with its storage (SQLite or PostgreSQL), unit tokens, blobs and health. */
export async function startRelay(options: RelayOptions = {}): Promise<RunningRelay> {
  const o = resolveOptions(options);
  const log = options.logger ?? createLogger();
  const storage = await openStorage(o, log);
  const { access, documents, blobs } = storage;
  const compactor = new Compactor(documents, log);
  const sockets = new SocketRegistry();
  const errors = new ErrorGate(log);
  const startedAt = Date.now();
  const redis = o.redisUrl ? createRedisExtension(o.redisUrl, log) : undefined;

  let server: Server | undefined;
  const sweepRevoked = async () => {
    const connections = [...(server?.hocuspocus.documents.values() ?? [])].flatMap((document) =>
      document.getConnections().map((connection) => ({ document, connection })),
    );
    const tokens = new Set<string>();
    for (const { connection } of connections) {
      const context: unknown = connection.context;
      if (isRelayContext(context)) tokens.add(context.tokenId);
    }
    if (!tokens.size) return;
    const live = await access.live([...tokens]);
    errors.succeeded();
    for (const { document, connection } of connections) {
      const context: unknown = connection.context;
      if (isRelayContext(context) && !live.has(context.tokenId)) {
        log('disconnect revoked', { unit: context.unitId, document: document.name, user: context.tokenId });
        connection.close(new Refusal('token-revoked', 4401));
      }
    }
  };
  const dependencies = async () => {
    const database = await storage.check();
    // The database may go away between the two queries: then the count is unknown, not an error.
    const quarantined = database.ok
      ? await documents.quarantined().then(
          (rows) => rows.length,
          () => undefined,
        )
      : undefined;
    const redisOk = redis ? redisReady(redis) : undefined;
    const down = [...(database.ok ? [] : ['database']), ...(redisOk === false ? ['redis'] : [])];
    return {
      ok: down.length === 0,
      // What a person reading the check sees first: "database unavailable", "redis unavailable".
      ...(down.length ? { reason: `${down.join(' and ')} unavailable` } : {}),
      database: {
        kind: storage.kind,
        ok: database.ok,
        ms: Math.round(database.ms * 10) / 10,
        // Stored rows that failed their checksum, kept aside (see the 'update quarantined' log lines).
        quarantined,
        ...(database.error ? { error: database.error } : {}),
      },
      redis: redis
        ? { configured: true, ok: redisOk, status: redis.pub.status, subscriber: redis.sub.status }
        : { configured: false },
    };
  };

  /** Open connections per member token of a unit, in this process (members online now). */
  const online = (unitId: string) => {
    const counts = new Map<string, number>();
    for (const document of server?.hocuspocus.documents.values() ?? []) {
      for (const connection of document.getConnections()) {
        const context: unknown = connection.context;
        if (isRelayContext(context) && context.unitId === unitId)
          counts.set(context.tokenId, (counts.get(context.tokenId) ?? 0) + 1);
      }
    }
    return counts;
  };
  if (!o.registrationCode && !isLoopback(o.host))
    log(
      'open registration',
      {
        host: o.host,
        hint: 'anyone who reaches this relay may register a new unit; set --registration-code',
      },
      'warn',
    );

  const extensions: Extension[] = [
    sockets.extension(),
    createHttpRoutes({
      access,
      blobs,
      log,
      maxBlobBytes: o.maxBlobBytes,
      startedAt,
      sweepRevoked,
      dependencies,
      online,
      ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
      ...(o.registrationCode ? { registrationCode: o.registrationCode } : {}),
    }),
    createAuthExtension(access, log, sockets.retryLater, errors),
    createGuardExtension(
      access,
      log,
      {
        maxUpdateBytes: o.maxUpdateBytes,
        messagesPerSecond: o.messagesPerSecond,
        messageBurst: o.messageBurst,
        maxRateWaitMs: o.maxRateWaitMs,
      },
      sockets.retryLater,
      errors,
    ),
    createPersistenceExtension(documents, compactor, log, sockets.retryLater, errors),
  ];
  if (redis) extensions.push(redis);

  server = new Server(
    {
      name: 'tianbao-relay',
      address: o.host,
      port: o.port,
      quiet: true,
      stopOnSignals: false,
      // Unit logs keep overwritten values for history and conflict review.
      yDocOptions: { gc: false, gcFilter: () => false },
      debounce: o.compactAfterMs,
      maxDebounce: o.compactAfterMs * 5,
      extensions,
    },
    // Cut oversized frames at the transport before they are buffered whole.
    { maxPayload: o.maxUpdateBytes + 64 * 1024 },
  );
  // Per socket, over all its documents: well above what the per-document guard lets through.
  const guardSocket = createSocketGuard(log, o.messagesPerSecond * 4, o.messageBurst * 4);
  const gate = createPreAuthGate(log, {
    maxPreAuthBytes: o.maxPreAuthBytes,
    authTimeoutMs: o.authTimeoutMs,
    maxConnectionsPerAddress: o.maxConnectionsPerAddress,
    maxUnauthenticatedSockets: o.maxUnauthenticatedSockets,
    maxPendingDocuments: 64,
  });
  server.webSocketServer.on('connection', (ws, request) => {
    sockets.add(ws, request);
    corkPerTick(ws);
    gate.admit(ws, request);
    guardSocket(ws, request.socket.remoteAddress ?? '');
  });
  // Our own listen: Hocuspocus 3 passes `address` where node:net expects `host`, which would bind
  // every interface instead of 127.0.0.1.
  const http = server.httpServer;
  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen({ host: o.host, port: o.port }, () => {
      http.off('error', reject);
      resolveListen();
    });
  });
  // A client that stops reading makes the relay buffer everything sent to it: drop it (it
  // reconnects and resyncs) before it can exhaust the relay's memory.
  const sweepSlowClients = () => {
    const seen = new Set<unknown>();
    for (const document of server?.hocuspocus.documents.values() ?? []) {
      for (const connection of document.getConnections()) {
        const socket = connection.webSocket;
        if (seen.has(socket) || socket.bufferedAmount <= o.maxBufferedBytes) continue;
        seen.add(socket);
        const context: unknown = connection.context;
        log(
          'slow client dropped',
          {
            ...(isRelayContext(context) ? { unit: context.unitId, user: context.tokenId } : {}),
            document: document.name,
            socket: connection.socketId,
            buffered: socket.bufferedAmount,
          },
          'warn',
        );
        socket.terminate();
      }
    }
  };
  const sweep = setInterval(() => {
    sweepRevoked().catch((error: unknown) => errors.failed('sweep error', { error: String(error) }, 'warn'));
    sweepSlowClients();
  }, 2000);
  sweep.unref();

  const port = server.address.port;
  const url = `ws://${o.host}:${port}`;
  const httpUrl = `http://${o.host}:${port}`;
  log('listening', {
    url,
    httpUrl,
    database: storage.where,
    store: storage.kind,
    redis: Boolean(o.redisUrl),
    registration: o.registrationCode ? 'code' : 'open',
  });

  let closed = false;
  return {
    url,
    httpUrl,
    port,
    where: storage.where,
    storage,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      await server?.destroy();
      await compactor.close();
      await storage.close();
      log('closed', {});
    },
  };
}
