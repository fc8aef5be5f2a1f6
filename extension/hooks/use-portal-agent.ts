import { useEffect, useState } from 'react';
import { type Browser, browser } from 'wxt/browser';
import { userMessage } from '../utils/input-errors';
import { PANEL_PORT, type PortMessage } from '../utils/messages';
import { ensureAgent } from '../utils/portal-access';

export interface PortalAgent {
  /** 0 until the agent answers in the tab's current page, then a new number for each page. */
  page: number;
  /** Bumped each time the agent reports that the page's controls changed. */
  changes: number;
  error: string;
}

/**
 * Starts the portal agent in the tab's page (registered for the origin, injected if not yet running) and
 * holds a Port to it while the panel is open: the agent watches the page only while connected.
 */
export function usePortalAgent(tabId: number, origin: string, loads: number, url: string): PortalAgent {
  const [page, setPage] = useState(0);
  const [changes, setChanges] = useState(0);
  const [error, setError] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads and url mark a new page in the same tab
  useEffect(() => {
    let port: Browser.runtime.Port | undefined;
    let stopped = false;
    setPage(0);
    setError('');
    ensureAgent(origin, tabId).then(
      () => {
        if (stopped) return;
        port = browser.tabs.connect(tabId, { name: PANEL_PORT, frameId: 0 });
        port.onMessage.addListener((m: PortMessage) => {
          if (m.type === 'to-sidepanel:page-changed') setChanges((n) => n + 1);
        });
        setPage(loads + 1);
      },
      (err) => setError(`无法在此页面上运行：${userMessage(err)}`),
    );
    return () => {
      stopped = true;
      port?.disconnect();
    };
  }, [tabId, origin, loads, url]);
  return { page, changes, error };
}
