import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export interface TargetTab {
  tabId: number;
  /**
   * '' while the extension may not see the page: without the broad "tabs" permission Chrome reveals a
   * tab's URL only for enabled origins or after a gesture that grants activeTab (the toolbar button, the
   * context menu item, Alt+Shift+F).
   */
  url: string;
  /** Bumped when the tab loads a new page, so the panel rescans. */
  loads: number;
}

/**
 * The tab the side panel works on: `?tab=<id>` when given (the panel opened as a page for one tab, as
 * `tianbao fill` does), else the active tab of the panel's window, followed as the person switches tabs.
 */
export function useTargetTab(): TargetTab | null | 'none' {
  const [target, setTarget] = useState<TargetTab | null | 'none'>(null);
  useEffect(() => {
    const fixed = Number(new URLSearchParams(location.search).get('tab')) || undefined;
    let tabId = fixed;
    let windowId: number | undefined;
    let loads = 0;
    const show = async () => {
      try {
        const tab = tabId !== undefined ? await browser.tabs.get(tabId) : undefined;
        if (tab?.id !== undefined) setTarget({ tabId: tab.id, url: tab.url ?? '', loads });
        else setTarget('none');
      } catch {
        setTarget('none');
      }
    };
    const followActive = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = tab?.id;
      windowId = tab?.windowId;
      await show();
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      // Each window has its own side panel: follow this window's tabs only.
      if (fixed !== undefined || (windowId !== undefined && info.windowId !== windowId)) return;
      tabId = info.tabId;
      void show();
    };
    const onUpdated = (id: number, change: { status?: string; url?: string }) => {
      if (id !== tabId || (change.status !== 'complete' && !change.url)) return;
      if (change.status === 'complete') loads++;
      void show();
    };
    // The context menu and keyboard command grant activeTab: look at the tab again, its URL may show now.
    const onMessage = (m: unknown) => {
      if ((m as { type?: string })?.type === 'to-sidepanel:run-fill') void show();
      return false;
    };
    const onFocus = () => void show();
    const onRemoved = (id: number) => {
      if (id === tabId) void (fixed !== undefined ? show() : followActive());
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.runtime.onMessage.addListener(onMessage);
    addEventListener('focus', onFocus);
    void (fixed !== undefined ? show() : followActive());
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.runtime.onMessage.removeListener(onMessage);
      removeEventListener('focus', onFocus);
    };
  }, []);
  return target;
}
