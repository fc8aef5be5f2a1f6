import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { quietWebSocket } from './quiet-web-socket.ts';

describe('quietWebSocket', () => {
  const errors: unknown[] = [];
  const onError = (e: unknown) => errors.push(e);
  afterEach(() => {
    process.off('uncaughtException', onError);
  });

  it('is one class per WebSocket class, made once, not one per socket', () => {
    const Quiet = quietWebSocket(WebSocket);
    expect(quietWebSocket(WebSocket)).toBe(Quiet);
    expect(Quiet.prototype).toBeInstanceOf(WebSocket);
    class Other extends WebSocket {}
    expect(quietWebSocket(Other)).not.toBe(Quiet);
    expect(quietWebSocket(Other)).toBe(quietWebSocket(Other));
  });

  it('a socket closed while connecting, nobody listening, ends nothing (ws emits error after close)', async () => {
    // Accepts the TCP connection and never answers the upgrade: the socket stays "connecting".
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as net.AddressInfo;
    process.on('uncaughtException', onError);
    const Quiet = quietWebSocket(WebSocket);
    const sockets = [new Quiet(`ws://127.0.0.1:${port}`), new Quiet(`ws://127.0.0.1:${port}`)];
    for (const s of sockets) s.close();
    await new Promise((r) => setTimeout(r, 100));
    silent.close();
    expect(errors).toEqual([]);
  });
});
