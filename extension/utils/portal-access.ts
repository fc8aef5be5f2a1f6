import { browser } from 'wxt/browser';
import { sendToTab } from './messages';
import { originPattern } from './portal-origin';
import { enabledPortals } from './settings';

/**
 * Which portals the extension may work on. Host access is optional and asked per origin when a person
 * enables a portal; the content script is then registered for that origin only (kept across restarts)
 * and injected into the open tab at once.
 */
const SCRIPT = '/content-scripts/content.js';
const scriptId = (origin: string) => `portal:${origin}`;

export function hasAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] });
}

/**
 * Must be called straight from a click handler: Chrome shows the permission prompt only inside a user
 * gesture, so nothing may be awaited before the request.
 */
export async function enablePortal(origin: string, tabId: number): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return false;
  await enabledPortals.setValue([...new Set([...(await enabledPortals.getValue()), origin])]);
  await ensureAgent(origin, tabId);
  return true;
}

export async function disablePortal(origin: string): Promise<void> {
  await forgetPortal(origin);
  await browser.permissions.remove({ origins: [originPattern(origin)] });
}

/** The agent no longer starts on the origin's pages (also when access was taken away in Chrome's settings). */
export async function forgetPortal(origin: string): Promise<void> {
  const id = scriptId(origin);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await enabledPortals.setValue((await enabledPortals.getValue()).filter((o) => o !== origin));
}

/** Registers the agent for the origin (if not yet) and injects it into the tab unless it already runs. */
export async function ensureAgent(origin: string, tabId: number): Promise<void> {
  // Registration is for the origin's next pages; the open one gets the script directly. Both at once:
  // registering persists to the profile and is slow the first time.
  await Promise.all([
    registerAgent(origin),
    agentRunning(tabId).then((running) =>
      running
        ? undefined
        : browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [SCRIPT] }),
    ),
  ]);
}

async function registerAgent(origin: string): Promise<void> {
  const id = scriptId(origin);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (registered.length) return;
  try {
    await browser.scripting.registerContentScripts([
      {
        id,
        js: [SCRIPT],
        matches: [originPattern(origin)],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  } catch (err) {
    // Another panel registered it meanwhile: fine. Anything else is an error.
    if (!(await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length) throw err;
  }
}

export async function agentRunning(tabId: number): Promise<boolean> {
  try {
    return (await sendToTab(tabId, 'to-content:ping', {})).ready;
  } catch {
    return false;
  }
}
