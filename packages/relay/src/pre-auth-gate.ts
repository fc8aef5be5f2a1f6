import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { AuthMessageType, frameType, MessageType, readFrameHeader } from './frame-header.ts';
import type { Logger } from './log.ts';

export interface PreAuthLimits {
  /**
   * Bytes a socket may send before any of its documents is authenticated, and bytes it may have waiting
   * for documents whose authentication is still pending. An honest client sends an auth message, a sync
   * step 1 (a state vector) and its presence per document before its first answer: kilobytes.
   */
  maxPreAuthBytes: number;
  /** A socket that has not authenticated any document this long after connecting is closed. */
  authTimeoutMs: number;
  /** Open sockets from one address; 0 turns the limit off (behind a reverse proxy every client shares its address). */
  maxConnectionsPerAddress: number;
  /** Sockets that have not authenticated any document yet, over all addresses. */
  maxUnauthenticatedSockets: number;
  /** Documents one socket may have waiting for authentication at once. */
  maxPendingDocuments: number;
}

type Listener = (data: Buffer, isBinary: boolean) => void;

interface DocumentGate {
  phase: 'pending' | 'open' | 'refused';
  authSent: boolean;
  held: Buffer[];
  heldBytes: number;
}

interface SocketGate {
  address: string;
  /** Some document on this socket passed authentication. */
  authenticated: boolean;
  rawBytes: number;
  heldBytes: number;
  documents: Map<string, DocumentGate>;
  closed: boolean;
}

/**
 * Stands between a socket and Hocuspocus until the socket's documents are authenticated. Hocuspocus
 * queues every message of a document until its authentication succeeds, without bound, and keeps the
 * queue of a refused document until the socket closes; one socket without a token could make the relay
 * hold gigabytes. Here:
 * - only a document's first auth message reaches Hocuspocus before it is authenticated; its other
 *   messages wait in the gate, counted, and go on in order once Hocuspocus answers "authenticated";
 *   a refusal drops them, and later messages for that document are dropped as they come;
 * - a socket that sends more than `maxPreAuthBytes` before authenticating anything, or has that much
 *   waiting, or authenticates nothing within `authTimeoutMs`, is closed;
 * - connections per address and unauthenticated sockets overall are limited.
 * The gate learns outcomes from what Hocuspocus sends (authenticated, permission denied, close), so it
 * holds whatever hook refused (token, document name, a document that failed to load).
 */
export function createPreAuthGate(log: Logger, limits: PreAuthLimits) {
  const perAddress = new Map<string, number>();
  let unauthenticated = 0;

  const admit = (ws: WebSocket, request: IncomingMessage): void => {
    const address = request.socket.remoteAddress ?? '';
    // Hocuspocus attached its message handler when the socket connected; every frame now passes here first.
    const downstream = ws.listeners('message') as Listener[];
    ws.removeAllListeners('message');
    const gate: SocketGate = {
      address,
      authenticated: false,
      rawBytes: 0,
      heldBytes: 0,
      documents: new Map(),
      closed: false,
    };
    const forward = (data: Buffer, isBinary: boolean) => {
      for (const l of downstream) l.call(ws, data, isBinary);
    };
    const close = (reason: string, fields: Record<string, number> = {}) => {
      if (gate.closed) return;
      gate.closed = true;
      for (const d of gate.documents.values()) d.held = [];
      log('unauthenticated socket closed', { peer: address, reason, ...fields }, 'warn');
      ws.terminate();
    };

    const count = (perAddress.get(address) ?? 0) + 1;
    perAddress.set(address, count);
    unauthenticated++;
    const refuseAdmission = (reason: string) => {
      gate.closed = true;
      log('connection refused', { peer: address, reason }, 'warn');
      // 1013 "try again later": the provider reconnects with backoff.
      ws.close(1013, reason);
      setTimeout(() => ws.terminate(), 1000).unref();
    };
    if (limits.maxConnectionsPerAddress > 0 && count > limits.maxConnectionsPerAddress)
      refuseAdmission('too-many-connections');
    else if (unauthenticated > limits.maxUnauthenticatedSockets) refuseAdmission('too-many-unauthenticated');

    // Raw bytes, before ws assembles a frame: a 15 MB frame without a token is cut after the first megabyte.
    const socket = request.socket;
    const onRaw = (chunk: Buffer) => {
      gate.rawBytes += chunk.length;
      if (gate.rawBytes > limits.maxPreAuthBytes) close('pre-auth-bytes', { bytes: gate.rawBytes });
    };
    socket.on('data', onRaw);
    const timer = setTimeout(() => close('auth-timeout'), limits.authTimeoutMs);
    timer.unref();

    const authenticated = () => {
      if (gate.authenticated) return;
      gate.authenticated = true;
      unauthenticated--;
      clearTimeout(timer);
      socket.off('data', onRaw);
    };

    const onOpen = (name: string) => {
      const d = gate.documents.get(name);
      if (d?.phase !== 'pending') return;
      d.phase = 'open';
      authenticated();
      const held = d.held;
      gate.heldBytes -= d.heldBytes;
      d.held = [];
      d.heldBytes = 0;
      // After Hocuspocus' own send returns: it queues these itself until the document is loaded.
      if (held.length)
        queueMicrotask(() => {
          for (const m of held) forward(m, true);
        });
    };
    const onRefused = (name: string) => {
      const d = gate.documents.get(name);
      if (!d) return;
      d.phase = 'refused';
      gate.heldBytes -= d.heldBytes;
      d.held = [];
      d.heldBytes = 0;
    };

    const send = ws.send.bind(ws);
    ws.send = ((data: Parameters<WebSocket['send']>[0], ...rest: unknown[]) => {
      if (data instanceof Uint8Array) {
        const type = frameType(data);
        if (type === MessageType.Auth || type === MessageType.Close) {
          const h = readFrameHeader(data);
          if (h && type === MessageType.Close) gate.documents.delete(h.document);
          else if (h) {
            const sub = h.decoder.pos < data.length ? h.decoder.arr[h.decoder.pos] : undefined;
            if (sub === AuthMessageType.Authenticated) onOpen(h.document);
            else if (sub === AuthMessageType.PermissionDenied) onRefused(h.document);
          }
        }
      }
      return (send as (...a: unknown[]) => void)(data, ...rest);
    }) as WebSocket['send'];

    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (gate.closed) return;
      const h = readFrameHeader(data);
      // Malformed: Hocuspocus closes the socket for it.
      if (!h) return forward(data, isBinary);
      let d = gate.documents.get(h.document);
      if (d?.phase === 'open') return forward(data, isBinary);
      // Nothing will ever read it: Hocuspocus would queue it until the socket closes.
      if (d?.phase === 'refused') return;
      if (!d) {
        const pending = [...gate.documents.values()].filter((x) => x.phase === 'pending').length;
        if (pending >= limits.maxPendingDocuments) return close('too-many-documents', { pending });
        d = { phase: 'pending', authSent: false, held: [], heldBytes: 0 };
        gate.documents.set(h.document, d);
      }
      if (h.type === MessageType.Auth && !d.authSent) {
        d.authSent = true;
        return forward(data, isBinary);
      }
      if (gate.heldBytes + data.length > limits.maxPreAuthBytes)
        return close('pre-auth-bytes', { bytes: gate.heldBytes + data.length });
      d.held.push(data);
      d.heldBytes += data.length;
      gate.heldBytes += data.length;
    });

    ws.once('close', () => {
      clearTimeout(timer);
      socket.off('data', onRaw);
      if (!gate.authenticated) unauthenticated--;
      gate.closed = true;
      gate.documents.clear();
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  };

  return {
    admit,
    /** For /health and tests. */
    stats: () => ({ unauthenticated, addresses: perAddress.size }),
  };
}
