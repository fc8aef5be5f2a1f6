import net from 'node:net';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { destroySocket } from './destroy-socket.ts';

describe('destroySocket', () => {
  const errors: unknown[] = [];
  const onError = (e: unknown) => errors.push(e);
  afterEach(() => {
    process.off('uncaughtException', onError);
  });

  it('stops a ws socket that is still connecting without an unhandled error', async () => {
    // Accepts the TCP connection and never answers the upgrade: the socket stays "connecting".
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as net.AddressInfo;
    process.on('uncaughtException', onError);
    const socket = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${port}`,
      WebSocketPolyfill: WebSocket,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(socket.webSocket?.readyState).toBe(WebSocket.CONNECTING);
    destroySocket(socket);
    await new Promise((r) => setTimeout(r, 100));
    silent.close();
    expect(errors).toEqual([]);
  });
});
