import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * Destroys a provider socket without ending a Node process: closing a `ws` WebSocket that is still
 * connecting emits 'error' a tick later, after Hocuspocus has removed its listeners, and Node treats
 * an 'error' nobody listens to as a crash. (A browser's WebSocket has no `on` and never throws.)
 */
export function destroySocket(socket: HocuspocusProviderWebsocket): void {
  const ws = socket.webSocket as { on?: (event: 'error', listener: () => void) => void } | null;
  ws?.on?.('error', () => {});
  socket.destroy();
}
