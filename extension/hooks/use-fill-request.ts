import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type Request, sendMessage } from '../utils/messages';

/**
 * 「填报助手：填写本页」 and Alt+Shift+F: the background opens the panel and asks it to run 一键填报. A panel
 * that was already open hears 'to-sidepanel:run-fill'; one that is just opening takes the pending request.
 * Returns a counter that goes up with each request for this tab.
 */
export function useFillRequest(tabId: number): number {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    void sendMessage('to-background:take-pending-fill', { tabId }).then(
      (r) => {
        if (r?.pending) setRequests((n) => n + 1);
      },
      () => undefined,
    );
    const listener = (message: unknown, _sender: unknown, reply: (r: unknown) => void) => {
      const m = message as Request<'to-sidepanel:run-fill'>;
      if (m?.type !== 'to-sidepanel:run-fill' || m.tabId !== tabId) return false;
      setRequests((n) => n + 1);
      reply({ ok: true });
      return false;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [tabId]);
  return requests;
}
