import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Holds a WebSocket's writes until the end of the current event-loop turn, so everything the
 * relay sends one client while handling a burst (each edit is fanned out to every client of the
 * document) leaves in one writev instead of one system call per message. A single message still
 * goes out within the same turn.
 */
export function corkPerTick(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  if (!socket) return;
  const send = ws.send.bind(ws);
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  ws.send = ((...args: Parameters<WebSocket['send']>) => {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return send(...args);
  }) as WebSocket['send'];
}
