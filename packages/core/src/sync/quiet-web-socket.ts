const quietClasses = new WeakMap<typeof WebSocket, typeof WebSocket>();

/**
 * Node's `ws` as the provider's WebSocket, with an 'error' listener for the socket's whole life:
 * the provider closes a socket that is still connecting when it moves on to another attempt or
 * address, `ws` then emits 'error' after the provider removed its listeners, and an 'error' nobody
 * listens to ends a Node process. (A browser's WebSocket has no `on` and never throws.)
 */
export function quietWebSocket(polyfill: unknown): typeof WebSocket {
  const Base = polyfill as typeof WebSocket;
  // One subclass per WebSocket class, made once: every connection of a process shares it.
  let Quiet = quietClasses.get(Base);
  if (!Quiet) {
    Quiet = class extends Base {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        (this as { on?: (event: 'error', listener: () => void) => void }).on?.('error', () => {});
      }
    } as typeof WebSocket;
    quietClasses.set(Base, Quiet);
  }
  return Quiet;
}
