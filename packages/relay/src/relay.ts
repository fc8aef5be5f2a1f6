import { join } from 'node:path';
import { Redis } from '@hocuspocus/extension-redis';
import { type Extension, Server } from '@hocuspocus/server';
import { AccessStore } from './access.ts';
import { createAuthExtension } from './auth-extension.ts';
import { BlobStore } from './blob-store.ts';
import { Compactor } from './compactor.ts';
import { isRelayContext } from './context.ts';
import { corkPerTick } from './cork-per-tick.ts';
import { openDatabase } from './database.ts';
import { DocumentStore } from './document-store.ts';
import { createGuardExtension } from './guard-extension.ts';
import { createHttpRoutes } from './http-routes.ts';
import { createLogger } from './log.ts';
import { type RelayOptions, resolveOptions } from './options.ts';
import { createPersistenceExtension } from './persistence-extension.ts';
import { Refusal } from './refusal.ts';
import { createSocketGuard } from './socket-guard.ts';

export interface RunningRelay {
  /** ws://host:port for providers */
  url: string;
  /** http://host:port for /health, /blobs, /admin */
  httpUrl: string;
  port: number;
  databaseFile: string;
  access: AccessStore;
  documents: DocumentStore;
  /** Closes connections, stores, and releases the SQLite file. */
  close(): Promise<void>;
}

function redisExtension(url: string): Extension {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`not a redis:// URL: ${url}`);
  const db = Number(u.pathname.slice(1) || '0');
  return new Redis({
    host: u.hostname,
    port: Number(u.port || 6379),
    prefix: 'tianbao',
    options: {
      db,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });
}

/** Starts a Hocuspocus relay with SQLite persistence, unit tokens, blobs and health. */
export async function startRelay(options: RelayOptions = {}): Promise<RunningRelay> {
  const o = resolveOptions(options);
  const log = options.logger ?? createLogger();
  const db = openDatabase(o.databaseFile);
  const access = new AccessStore(db);
  const documents = new DocumentStore(db);
  const compactor = new Compactor(o.databaseFile, documents, log);
  const blobs = new BlobStore(join(o.dataDir, 'blobs'));
  const startedAt = Date.now();

  let server: Server | undefined;
  const sweepRevoked = () => {
    for (const document of server?.hocuspocus.documents.values() ?? []) {
      for (const connection of document.getConnections()) {
        const context: unknown = connection.context;
        if (isRelayContext(context) && !access.isLive(context.tokenId)) {
          log('disconnect revoked', { unit: context.unitId, document: document.name, user: context.tokenId });
          connection.close(new Refusal('token-revoked', 4401));
        }
      }
    }
  };

  const extensions: Extension[] = [
    createHttpRoutes({
      access,
      blobs,
      log,
      maxBlobBytes: o.maxBlobBytes,
      startedAt,
      sweepRevoked,
      ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
    }),
    createAuthExtension(access, log),
    createGuardExtension(access, log, {
      maxUpdateBytes: o.maxUpdateBytes,
      messagesPerSecond: o.messagesPerSecond,
      messageBurst: o.messageBurst,
      maxRateWaitMs: o.maxRateWaitMs,
    }),
    createPersistenceExtension(documents, compactor, log),
  ];
  if (o.redisUrl) extensions.push(redisExtension(o.redisUrl));

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
  server.webSocketServer.on('connection', (ws, request) => {
    corkPerTick(ws);
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
    sweepRevoked();
    sweepSlowClients();
  }, 2000);
  sweep.unref();

  const port = server.address.port;
  const url = `ws://${o.host}:${port}`;
  const httpUrl = `http://${o.host}:${port}`;
  log('listening', { url, httpUrl, database: o.databaseFile, redis: Boolean(o.redisUrl) });

  let closed = false;
  return {
    url,
    httpUrl,
    port,
    databaseFile: o.databaseFile,
    access,
    documents,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      await server?.destroy();
      await compactor.close();
      db.close();
      log('closed', {});
    },
  };
}
