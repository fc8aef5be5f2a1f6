// Node clients for relay tests and benchmarks: a HocuspocusProvider over `ws` (Node 20 has no
// global WebSocket), editing a Y.Map of entries the way the unit log does.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { destroySocket, quietWebSocket } from '@tianbao/core';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** `ws`, for Node code outside tests/ (bench/) that gives core's relay client a WebSocket. */
export { WebSocket as NodeWebSocket };

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves once the first sync with the relay completed. */
  synced: Promise<void>;
  /** Reason of the last refusal (authenticationFailed), if any. */
  refused: () => string | undefined;
  /** Closes reasons the server sent for this document (CLOSE messages). */
  closes: string[];
  entries: () => Y.Map<Y.Map<unknown>>;
  addEntry(id: string, fields: Record<string, unknown>): void;
  setField(id: string, field: string, value: unknown): void;
  applyUpdate(update: Uint8Array): void;
  goOffline(): void;
  goOnline(): void;
  /** Whether the relay acknowledged every local change. */
  acknowledged: () => boolean;
  destroy(): void;
}

export interface ConnectOptions {
  url: string;
  name: string;
  token: string;
  doc?: Y.Doc;
}

export function connectClient({
  url,
  name,
  token,
  doc = new Y.Doc({ gc: false }),
}: ConnectOptions): TestClient {
  const socket = new HocuspocusProviderWebsocket({
    url,
    // Hundreds of clients connecting at once: an attempt the provider gives up on must not end the process.
    WebSocketPolyfill: quietWebSocket(WebSocket),
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
    factor: 1.5,
    messageReconnectTimeout: 5000,
  });
  let refusal: string | undefined;
  const closes: string[] = [];
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((r) => {
    resolveSynced = r;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => {
      refusal = reason;
    },
    onClose: ({ event }) => {
      if (event.reason) closes.push(event.reason);
    },
  });
  provider.attach();
  const entries = () => doc.getMap<Y.Map<unknown>>('entries');
  return {
    doc,
    provider,
    socket,
    synced,
    refused: () => refusal,
    closes,
    entries,
    addEntry(id, fields) {
      doc.transact(() => {
        const entry = new Y.Map<unknown>();
        entries().set(id, entry);
        for (const [k, v] of Object.entries(fields)) entry.set(k, v);
      });
    },
    setField(id, field, value) {
      entries().get(id)?.set(field, value);
    },
    applyUpdate: (update) => Y.applyUpdate(doc, update),
    goOffline: () => socket.disconnect(),
    goOnline: () => {
      void socket.connect();
    },
    acknowledged: () => !provider.hasUnsyncedChanges && provider.isSynced,
    destroy() {
      provider.destroy();
      destroySocket(socket);
    },
  };
}

/** Polls until `check` holds, or fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;

/** The document's entries as canonical JSON (keys sorted: map order differs between replicas). */
export const snapshot = (doc: Y.Doc): string => JSON.stringify(canonical(doc.getMap('entries').toJSON()));

/** A unit log of `n` entries shaped like the design's entries map, as one update. */
export function buildLog(n: number): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  const entries = doc.getMap<Y.Map<unknown>>('entries');
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      const e = new Y.Map<unknown>();
      entries.set(`01JD${String(i).padStart(22, '0')}`, e);
      e.set('date', '2026-06-12');
      e.set('title', `宣传进企业活动 ${i}`);
      e.set('kind', 'publicity');
      e.set('location', '县应急管理局');
      e.set('organizer', '安全生产委员会办公室');
      e.set('people', i % 300);
      e.set('createdBy', 'member-1');
      e.set('createdAt', 1_780_000_000_000 + i);
      const contributions = new Y.Map<number>();
      e.set('contributions', contributions);
      contributions.set('t1/s3', 1);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}
