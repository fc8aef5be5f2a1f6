// The set-up the side-panel e2e suites share: portal folders served each on an origin of its own, the built
// extension launched in Chromium with those origins enabled, a unit log joined through the dashboard, and
// portal pages opened in tabs with a side panel page beside each. Headless Chromium cannot click Chrome's
// permission prompt, so the extension copy already grants the enabled origins (the state after
// 在此网站启用填报助手); a folder served as `gated` is on an origin left out, which shows the enable gate.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Template } from '@tianbao/templates';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  type ExtensionSession,
  extensionWithAccess,
  fillLogFile,
  joinLogThroughUi,
  launchWithExtension,
  tabIdOf,
} from '../../packages/cli/src/index.ts';
import { screenshot } from './extension-browser.ts';
import { type StaticServer, serveStatic } from './serve-static.ts';

export interface PortalSessionOptions<Site extends string> {
  /** Folders by name, each served on its own origin, which the extension may read. */
  sites: Partial<Record<Site, string>>;
  /** Folders by name served on origins the extension may not read yet. */
  gated?: Partial<Record<Site, string>>;
  /** The log the user joins: this table with these figures (fillLogFile's values). */
  template: Template;
  values: Record<string, unknown>;
  user: string;
  /** Names the screenshots of every open page taken when a test fails (failed-<name>-<i>.png). */
  name: string;
}

export interface PortalSession<Site extends string = string> {
  s: ExtensionSession;
  /** The dashboard the log was joined on: an extension page, so it can ask chrome.tabs. */
  dashboard: Page;
  sites: Record<Site, StaticServer>;
  /** Every tab opened through the session, for the screenshots of a failed test. */
  pages: Page[];
  /** A new tab. */
  tab(): Promise<Page>;
  /** The side panel as a page (sidepanel.html?tab=…) for a tab; the context's window size unless given. */
  panel(tabId: number, viewport?: { width: number; height: number }): Promise<Page>;
  /** The URL in a new tab (a unique query, so tabs can be told apart) and a 400 px side panel for it. */
  open(url: string): Promise<{ page: Page; panel: Page; tabId: number }>;
}

/**
 * Registers the file's beforeAll / afterAll / afterEach and returns the session, whose fields are there from
 * beforeAll on (so use them inside tests and hooks only).
 */
export function portalSession<Site extends string>(o: PortalSessionOptions<Site>): PortalSession<Site> {
  const session = {} as PortalSession<Site>;
  let extensionDir: string | undefined;
  let opened = 0;

  beforeAll(async () => {
    const serve = (folders: Partial<Record<Site, string>> = {}) =>
      Promise.all(
        Object.entries<string | undefined>(folders).map(
          async ([name, dir]) => [name, await serveStatic(dir as string)] as const,
        ),
      );
    const enabled = await serve(o.sites);
    const sites = Object.fromEntries([...enabled, ...(await serve(o.gated))]) as Record<Site, StaticServer>;
    extensionDir = extensionWithAccess(enabled.map(([, site]) => new URL(site.url).origin));
    const s = await launchWithExtension(extensionDir);
    const pages: Page[] = [];
    const dashboard = await joinLogThroughUi(s, await fillLogFile(o.template, o.values), o.user);
    const tab = async () => {
      const page = await s.context.newPage();
      pages.push(page);
      return page;
    };
    const panel: PortalSession['panel'] = async (tabId, viewport) => {
      const p = await tab();
      if (viewport) await p.setViewportSize(viewport);
      await p.goto(s.url(`sidepanel.html?tab=${tabId}`));
      return p;
    };
    Object.assign(session, {
      s,
      dashboard,
      sites,
      pages,
      tab,
      panel,
      async open(url: string) {
        const page = await tab();
        await page.goto(`${url}?n=${++opened}`);
        // A page of an origin that is not enabled hides its URL from the extension: take the newest tab.
        const tabId = enabled.some(([, site]) => url.startsWith(site.url))
          ? await tabIdOf(dashboard, page.url())
          : await dashboard.evaluate(async () => {
              const c = (
                globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }
              ).chrome;
              return Math.max(...(await c.tabs.query({})).map((t) => t.id));
            });
        return { page, panel: await panel(tabId, { width: 400, height: 860 }), tabId };
      },
    } satisfies PortalSession<Site>);
  });

  afterAll(async () => {
    await session.s?.close();
    await Promise.all(Object.values<StaticServer>(session.sites ?? {}).map((site) => site.close()));
    if (extensionDir) rmSync(dirname(extensionDir), { recursive: true, force: true });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      for (const [i, p] of (session.pages ?? []).entries())
        if (!p.isClosed()) await screenshot(p, `failed-${o.name}-${i}`).catch(() => undefined);
  });

  return session;
}
