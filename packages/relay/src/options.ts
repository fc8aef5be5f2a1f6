import { join, resolve } from 'node:path';
import type { Logger } from './log.ts';

export interface RelayOptions {
  /** Address to listen on; 127.0.0.1 unless the relay must be reachable from other machines. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Holds tianbao.sqlite and blobs/. Default ./data */
  dataDir?: string;
  /** Overrides <dataDir>/tianbao.sqlite. */
  databaseFile?: string;
  /**
   * Create a new, empty database even where one was expected (a 0-byte or missing SQLite file
   * beside its WAL or attachments). Without it the relay refuses to start there.
   */
  init?: boolean;
  /** postgres://…: keep everything in PostgreSQL instead (nothing is written to SQLite or dataDir). */
  postgresUrl?: string;
  /** redis://host:port[/db]: several relay processes then serve the same documents. */
  redisUrl?: string;
  /** Largest accepted WebSocket message (one update or initial sync). */
  maxUpdateBytes?: number;
  /** Sustained messages per second per connection and document, and the burst allowed on top. */
  messagesPerSecond?: number;
  messageBurst?: number;
  /** Past the burst, messages wait; a client that would wait longer than this is refused. */
  maxRateWaitMs?: number;
  /** Bytes the relay may hold for one client that does not read; past this it is dropped. */
  maxBufferedBytes?: number;
  /** Bytes a socket may send, or have waiting, before its documents are authenticated. */
  maxPreAuthBytes?: number;
  /** A socket that has authenticated no document this long after connecting is closed. */
  authTimeoutMs?: number;
  /** Open sockets from one address; 0: no limit (set it so behind a reverse proxy, where all share one address). */
  maxConnectionsPerAddress?: number;
  /** Sockets that have not authenticated any document yet, over all addresses. */
  maxUnauthenticatedSockets?: number;
  /** Largest attachment accepted by PUT /blobs. */
  maxBlobBytes?: number;
  /** WebSocket URL written into invitations made by the admin API (behind a proxy: wss://…). */
  publicUrl?: string;
  /**
   * Registering a unit from the dashboard needs this code when set (a relay others can reach). Unset,
   * anyone who reaches the relay may register a new unit (never join or take over an existing one).
   */
  registrationCode?: string;
  /** Milliseconds of quiet before a document's update tail is compacted. */
  compactAfterMs?: number;
  logger?: Logger;
}

export const defaultDataDir = './data';
/** The port `pnpm start` and `pnpm tianbao relay` use, unless TIANBAO_RELAY_PORT says otherwise. */
export const defaultPort = Number(process.env.TIANBAO_RELAY_PORT ?? 8787);
export const databaseFileName = 'tianbao.sqlite';

export interface ResolvedRelayOptions
  extends Required<
    Omit<RelayOptions, 'redisUrl' | 'publicUrl' | 'postgresUrl' | 'registrationCode' | 'logger'>
  > {
  redisUrl?: string;
  registrationCode?: string;
  publicUrl?: string;
  postgresUrl?: string;
}

export function resolveOptions(options: RelayOptions): ResolvedRelayOptions {
  const dataDir = resolve(options.dataDir ?? defaultDataDir);
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? defaultPort,
    dataDir,
    databaseFile: options.databaseFile ? resolve(options.databaseFile) : join(dataDir, databaseFileName),
    maxUpdateBytes: options.maxUpdateBytes ?? 16 * 2 ** 20,
    messagesPerSecond: options.messagesPerSecond ?? 500,
    messageBurst: options.messageBurst ?? 5000,
    maxRateWaitMs: options.maxRateWaitMs ?? 20_000,
    maxPreAuthBytes: options.maxPreAuthBytes ?? 2 ** 20,
    authTimeoutMs: options.authTimeoutMs ?? 5000,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? 128,
    maxUnauthenticatedSockets: options.maxUnauthenticatedSockets ?? 256,
    maxBlobBytes: options.maxBlobBytes ?? 200 * 2 ** 20,
    maxBufferedBytes: options.maxBufferedBytes ?? 64 * 2 ** 20,
    compactAfterMs: options.compactAfterMs ?? 2000,
    init: options.init ?? false,
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
    ...(options.postgresUrl ? { postgresUrl: options.postgresUrl } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.registrationCode ? { registrationCode: options.registrationCode } : {}),
  };
}
