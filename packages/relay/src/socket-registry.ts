import type { IncomingMessage } from 'node:http';
import type { Extension, onConnectPayload } from '@hocuspocus/server';
import type { WebSocket } from 'ws';

/**
 * Finds a client's WebSocket from a Hocuspocus socket id, so that a hook which cannot go on
 * (the store is unavailable) can close the whole socket: the provider then reconnects with
 * backoff and authenticates and syncs again, instead of being left with a refused document.
 */
export class SocketRegistry {
  private readonly byRequest = new WeakMap<IncomingMessage, WebSocket>();
  private readonly bySocketId = new Map<string, WebSocket>();

  /** From the WebSocket server's 'connection' event. */
  add(ws: WebSocket, request: IncomingMessage): void {
    this.byRequest.set(request, ws);
  }

  extension(): Extension {
    return {
      extensionName: 'tianbao-sockets',
      onConnect: async ({ request, socketId }: onConnectPayload) => {
        const ws = this.byRequest.get(request);
        if (!ws || this.bySocketId.has(socketId)) return;
        this.bySocketId.set(socketId, ws);
        ws.once('close', () => this.bySocketId.delete(socketId));
      },
    };
  }

  /** Closes the socket with 1013 (try again later); the reason reaches the client's close event. */
  retryLater = (socketId: string, reason: string): void => {
    const ws = this.bySocketId.get(socketId);
    if (ws && ws.readyState === ws.OPEN) ws.close(1013, reason);
  };
}
