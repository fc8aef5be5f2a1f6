import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessages, sendMessage } from '../utils/messages';
import { forgetPortal } from '../utils/portal-access';
import { originOfPattern } from '../utils/portal-origin';
import { deadlineAlarms, remindersOn } from '../utils/settings';

/**
 * Thin: reminders (chrome.alarms survive the service worker stopping), the toolbar button opening the
 * side panel, and opening the dashboard. Unit data never passes through here.
 */
export default defineBackground(() => {
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openDashboard();
  });

  async function reschedule(): Promise<number> {
    const all = await browser.alarms.getAll();
    await Promise.all(
      all.filter((a) => a.name.startsWith('deadline:')).map((a) => browser.alarms.clear(a.name)),
    );
    if (!(await remindersOn.getValue())) return 0;
    const now = Date.now();
    const upcoming = (await deadlineAlarms.getValue()).filter((a) => a.remindAt > now);
    for (const a of upcoming) await browser.alarms.create(a.name, { when: a.remindAt });
    return upcoming.length;
  }

  function notify(id: string, title: string, message: string) {
    return browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      priority: 2,
    });
  }

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (!alarm.name.startsWith('deadline:')) return;
    const a = (await deadlineAlarms.getValue()).find((x) => x.name === alarm.name);
    if (a) await notify(alarm.name, '填报助手：截止日期提醒', a.title);
  });
  browser.notifications.onClicked.addListener(() => void openDashboard('deadlines'));
  deadlineAlarms.watch(() => void reschedule());
  remindersOn.watch(() => void reschedule());

  /** Focuses an open dashboard (switching its tab only when asked) or opens one. */
  async function openDashboard(tab?: string) {
    const url = browser.runtime.getURL('/dashboard.html');
    const [existing] = await browser.tabs.query({ url: `${url}*` });
    const target = `${url}${tab ? `#${tab}` : ''}`;
    if (existing?.id !== undefined)
      await browser.tabs.update(existing.id, { active: true, ...(tab && { url: target }) });
    else await browser.tabs.create({ url: target });
  }

  // 填报助手：填写本页 (context menu or Alt+Shift+F): open the side panel inside the gesture, then have it
  // run 一键填报. A panel that is still loading asks for the pending request when it is ready.
  const FILL_MENU = 'tianbao-fill-page';
  const pendingFills = new Map<number, number>();
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      .remove(FILL_MENU)
      .catch(() => undefined)
      .then(() =>
        browser.contextMenus.create({
          id: FILL_MENU,
          title: '填报助手：填写本页',
          contexts: ['page', 'editable', 'frame'],
        }),
      );
  });
  function fillPage(tab: { id?: number; windowId?: number } | undefined) {
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    pendingFills.set(tabId, Date.now());
    // No await before open(): the side panel opens only within the user gesture.
    browser.sidePanel.open({ tabId }).catch(() => undefined);
    void sendMessage('to-sidepanel:run-fill', { tabId }).then(
      (r) => r?.ok && pendingFills.delete(tabId),
      () => undefined, // no panel yet: it takes the request when it opens
    );
  }
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU) fillPage(tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'fill-page') fillPage(tab);
  });

  // Site access taken away in Chrome's settings: stop registering the portal agent there.
  browser.permissions.onRemoved.addListener(({ origins }) => {
    for (const pattern of origins ?? []) {
      const origin = originOfPattern(pattern);
      if (origin) void forgetPortal(origin).catch(() => undefined);
    }
  });

  onMessages({
    'to-background:take-pending-fill': ({ tabId }) => {
      const at = pendingFills.get(tabId);
      pendingFills.delete(tabId);
      return { pending: at !== undefined && Date.now() - at < 60_000 };
    },
    'to-background:reschedule': async () => ({ alarms: await reschedule() }),
    'to-background:test-reminder': async ({ title }) => {
      await notify(`test:${Date.now()}`, '填报助手：测试提醒', title);
      return { shown: true };
    },
    'to-background:open-dashboard': async ({ tab }) => {
      await openDashboard(tab);
      return { ok: true };
    },
  });
});
