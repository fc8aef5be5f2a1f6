import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPortalAgent } from '../utils/portal-agent';

/**
 * The portal agent. Registered at runtime only for the origins a user enabled (no static matches, no
 * host access at install). Top frame only: the engine reads same-origin frames from there, and one
 * coordinator per tab keeps fills and undo consistent.
 */
export default defineContentScript({
  registration: 'runtime',
  allFrames: false,
  main(ctx) {
    // Injected twice (registered script plus executeScript on enabling): the first copy keeps working.
    const flag = '__tianbaoPortalAgent';
    const g = globalThis as unknown as Record<string, boolean>;
    if (g[flag]) return;
    g[flag] = true;
    const stop = startPortalAgent();
    ctx.onInvalidated(() => {
      stop();
      g[flag] = false;
    });
  },
});
