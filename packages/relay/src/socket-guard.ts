import type { WebSocket } from 'ws';
import type { Logger } from './log.ts';
import { RateLimiter } from './rate-limiter.ts';

/**
 * Transport-level flood guard, before Hocuspocus sees a frame: Hocuspocus queues frames for a
 * document until its connection is authenticated, without bound, so a socket sending far past
 * the per-document rate limit (authenticated or not) is terminated.
 */
export function createSocketGuard(
  log: Logger,
  messagesPerSecond: number,
  burst: number,
): (ws: WebSocket, socketAddress: string) => void {
  const limiter = new RateLimiter(messagesPerSecond, burst, 0);
  let next = 0;
  return (ws, socketAddress) => {
    const key = String(next++);
    ws.on('message', () => {
      if (limiter.reserve(key) === 0) return;
      log('flood dropped', { peer: socketAddress }, 'warn');
      ws.removeAllListeners('message');
      ws.terminate();
    });
    ws.once('close', () => limiter.forget(key));
  };
}
