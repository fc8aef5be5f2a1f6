import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { LogFileError } from '../errors.ts';
import { newDoc, ROOT } from '../model/doc-layout.ts';
import type { LogSession } from '../model/log-session.ts';
import type { LogStorage } from '../storage/log-storage.ts';
import { destroySocket } from './destroy-socket.ts';
import { quietWebSocket } from './quiet-web-socket.ts';

/** Where and as whom to sync: from an invitation (the relay's unit id, not the log's own). */
export interface RelayTarget {
  /**
   * ws:// or wss://; or every address of one relay run as several processes (one PostgreSQL and
   * Redis behind them): the client stays on one until its connection drops, then tries the next.
   */
  url: string | readonly string[];
  unitId: string;
  token: string;
  /** Node has no global WebSocket: pass `ws` there. */
  WebSocketPolyfill?: unknown;
}

export type RelayStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface Peer {
  clientId: number;
  user: string;
  /** Their member id on the relay, when they joined as a member (matches the admin's member list). */
  memberId?: string;
  /** What they are looking at or editing, in words: 正在编辑“…”, 正在看“统计表”. */
  editing?: string;
  /** The activity they have open, if any. */
  entryId?: string;
}

export interface RelayConnection {
  status(): RelayStatus;
  /** Why the relay refused (invalid-token, forbidden, …) when status is 'refused'. */
  refusal(): string | undefined;
  lastSyncedAt(): number | undefined;
  /** The relay address in use now (or being tried). */
  relayUrl(): string;
  /** Nothing local is waiting to reach the relay. */
  settled(): boolean;
  /** Resolves when every open document has synced once. */
  whenSynced(): Promise<void>;
  peers(): Peer[];
  /** What this person is doing now (and the activity they have open), for colleagues' screens. */
  setPresence(editing: string | undefined, entryId?: string): void;
  onChange(listener: () => void): () => void;
  destroy(): void;
}

/** Refusals of the token (not of one document): the same token will be refused for every document. */
const TOKEN_REFUSALS = new Set(['invalid-token', 'token-revoked', 'forbidden']);
/** Refusals that say "later", not "no": the provider reconnects and sends what it holds. */
const TRANSIENT_REFUSALS = new Set(['storage-unavailable']);

/** Relay document name of one of a log's documents: `<unitId>/<logId>` and `<unitId>/<logId>.eNN`. */
export const relayDocName = (unitId: string, logId: string, doc: string) =>
  doc === ROOT ? `${unitId}/${logId}` : `${unitId}/${logId}.${doc}`;

/** A target's relay addresses, in the order they are tried. */
export const relayUrls = (target: Pick<RelayTarget, 'url'>): string[] => {
  const urls = typeof target.url === 'string' ? [target.url] : [...new Set(target.url)];
  if (!urls.length) throw new Error('a relay target needs at least one address');
  return urls;
};

function socketFor(target: RelayTarget): HocuspocusProviderWebsocket {
  const urls = relayUrls(target);
  let current = 0;
  const socket: HocuspocusProviderWebsocket = new HocuspocusProviderWebsocket({
    url: urls[0] as string,
    ...(target.WebSocketPolyfill ? { WebSocketPolyfill: quietWebSocket(target.WebSocketPolyfill) } : {}),
    delay: 500,
    minDelay: 500,
    maxDelay: 10_000,
    // Runs before the provider schedules its reconnect (or its next attempt after a refused
    // connection): a process that died or cannot be reached is left for the next address. The
    // edits it has not acknowledged are still in the local document and go out in the next sync.
    onClose: () => {
      if (urls.length < 2) return;
      current = (current + 1) % urls.length;
      socket.setConfiguration({ url: urls[current] as string });
    },
  });
  return socket;
}

/**
 * Syncs every loaded document of a session through the relay over one WebSocket. Local changes are
 * stored by the session first (offline first); on (re)connect the sync steps exchange whatever either
 * side lacks, so edits made offline, or by a page that has since closed, reach the relay.
 */
export function connectRelay(
  session: LogSession,
  target: RelayTarget,
  user: string,
  memberId?: string,
): RelayConnection {
  const meta = session.log.meta();
  const socket = socketFor(target);
  const providers = new Map<string, HocuspocusProvider>();
  const listeners = new Set<() => void>();
  let status: RelayStatus = 'connecting';
  let refusal: string | undefined;
  let lastSyncedAt: number | undefined;
  const emit = () => {
    for (const l of listeners) l();
  };

  const attach = (name: string, doc: Y.Doc) => {
    if (providers.has(name)) return;
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: relayDocName(target.unitId, meta.logId, name),
      document: doc,
      token: target.token,
      onSynced: () => {
        lastSyncedAt = Date.now();
        emit();
      },
      onAuthenticationFailed: ({ reason }) => {
        // The relay's database is down for a moment: keep the edits and try again (another
        // process, or this one once its database is back); that is no refusal of this person.
        if (TRANSIENT_REFUSALS.has(reason)) {
          status = 'connecting';
          emit();
          return;
        }
        status = 'refused';
        refusal = reason;
        // The token itself is refused: retrying cannot help, and the relay closes sockets that never
        // authenticate, so a reconnecting socket would knock every few seconds.
        if (TOKEN_REFUSALS.has(reason)) socket.disconnect();
        emit();
      },
      onUnsyncedChanges: () => emit(),
      // The relay closes a revoked member's documents at once; say so now rather than at the next reconnect.
      onClose: ({ event }) => {
        if (event.reason !== 'token-revoked') return;
        status = 'refused';
        refusal = 'token-revoked';
        emit();
      },
    });
    provider.attach();
    providers.set(name, provider);
  };
  for (const name of session.log.docNames()) {
    const doc = session.log.doc(name);
    if (doc) attach(name, doc);
  }
  const offShards = session.onShardLoaded((name, doc) => attach(name, doc));
  socket.on('status', ({ status: s }: { status: string }) => {
    if (status === 'refused') return;
    status = s === 'connected' ? 'online' : s === 'connecting' ? 'connecting' : 'offline';
    emit();
  });
  const root = providers.get(ROOT) as HocuspocusProvider;
  root.setAwarenessField('user', user);
  if (memberId) root.setAwarenessField('member', memberId);
  root.awareness?.on('change', emit);

  return {
    status: () => status,
    refusal: () => refusal,
    lastSyncedAt: () => lastSyncedAt,
    relayUrl: () => socket.url,
    settled: () => [...providers.values()].every((p) => p.synced && !p.hasUnsyncedChanges),
    whenSynced: () =>
      Promise.all(
        [...providers.values()].map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.synced) return resolve();
              p.on('synced', () => resolve());
            }),
        ),
      ).then(() => undefined),
    peers: () =>
      [...(root.awareness?.getStates() ?? new Map()).entries()]
        .filter(([id]) => id !== root.awareness?.clientID)
        .filter(([, s]) => s.user !== undefined)
        .map(([clientId, s]) => ({
          clientId,
          user: String(s.user),
          ...(typeof s.member === 'string' && { memberId: s.member }),
          ...(s.editing && { editing: String(s.editing) }),
          ...(typeof s.entry === 'string' && { entryId: s.entry }),
        })),
    setPresence: (editing, entryId) => {
      // One awareness message for both fields.
      const state = root.awareness?.getLocalState() ?? {};
      root.awareness?.setLocalState({ ...state, editing: editing ?? null, entry: entryId ?? null });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      offShards();
      for (const p of providers.values()) p.destroy();
      destroySocket(socket);
    },
  };
}

/**
 * A first local copy of a log that exists only on the relay (a colleague joining with an invitation):
 * fetches the root document, stores it, and opens the session; shards fill in as they sync.
 */
export async function fetchLogFromRelay(
  storage: LogStorage,
  target: RelayTarget,
  logId: string,
  timeoutMs = 20_000,
): Promise<void> {
  const socket = socketFor(target);
  const doc = newDoc();
  let refused: string | undefined;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: relayDocName(target.unitId, logId, ROOT),
    document: doc,
    token: target.token,
    onAuthenticationFailed: ({ reason }) => {
      refused = reason;
    },
  });
  provider.attach();
  try {
    const started = Date.now();
    while (!provider.synced && !refused && Date.now() - started < timeoutMs)
      await new Promise((r) => setTimeout(r, 50));
    if (refused)
      throw new LogFileError(
        'other-unit',
        `the relay refused the invitation (${refused})`,
        '同步服务拒绝了这个邀请，请向管理员索取新的邀请',
      );
    if (!provider.synced)
      throw new LogFileError(
        'not-loaded',
        'the relay did not answer',
        '连接不上同步服务，请检查网络或稍后再试',
      );
    if (doc.getMap('meta').get('logId') !== logId)
      throw new LogFileError(
        'not-a-log',
        'the relay has no such log for this unit',
        '同步服务上没有这本台账',
      );
    await storage.compact(ROOT, Y.encodeStateAsUpdateV2(doc));
    await storage.flush();
  } finally {
    provider.destroy();
    destroySocket(socket);
  }
}
