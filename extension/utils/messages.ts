import { browser } from 'wxt/browser';

/**
 * The one message protocol between the extension's parts. Each message names its direction in its
 * type (`to-background:…`, `to-content:…`), as Dark Reader does, and has one reply type.
 */
export interface Messages {
  /** Deadlines changed: the background re-registers its alarms from settings. */
  'to-background:reschedule': { request: Record<string, never>; reply: { alarms: number } };
  /** Show a reminder now (the 截止日期 tab's 测试提醒 button). */
  'to-background:test-reminder': { request: { title: string }; reply: { shown: boolean } };
  /** Open (or focus) the dashboard, optionally on a tab. */
  'to-background:open-dashboard': { request: { tab?: string }; reply: { ok: boolean } };
}

export type MessageType = keyof Messages;
export type Request<T extends MessageType> = { type: T } & Messages[T]['request'];
export type Reply<T extends MessageType> = Messages[T]['reply'];

export function sendMessage<T extends MessageType>(
  type: T,
  request: Messages[T]['request'],
): Promise<Reply<T>> {
  return browser.runtime.sendMessage({ type, ...request }) as Promise<Reply<T>>;
}

export type Handlers = { [T in MessageType]?: (request: Request<T>) => Promise<Reply<T>> | Reply<T> };

/** Answers the messages this part handles; others are left for other listeners. */
export function onMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const type = (message as { type?: string })?.type as MessageType | undefined;
    const handler = type ? (handlers[type] as ((r: unknown) => unknown) | undefined) : undefined;
    if (!handler) return false;
    Promise.resolve(handler(message)).then(sendResponse, (err: unknown) =>
      sendResponse({ error: String(err) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
