import {
  type FillReport,
  fill,
  formProgress,
  highlight,
  type LearnedMapping,
  type Match,
  type MatchSlot,
  match,
  scan,
  waitForSettle,
  warmUp,
  watch,
} from '@tianbao/autofill';
import { type Browser, browser } from 'wxt/browser';
import { onMessages, PANEL_PORT, type PortMessage } from './messages';
import { toRow } from './portal-rows';

/** Frames of another origin (through same-origin ones): the engine cannot read them, the panel says so. */
function foreignFrames(doc: Document): number {
  let n = 0;
  for (const el of Array.from(doc.querySelectorAll('iframe, frame'))) {
    let inner: Document | null = null;
    try {
      inner = (el as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    const src = (el as HTMLIFrameElement).src;
    const box = el.getBoundingClientRect();
    if (inner) n += foreignFrames(inner);
    // Tiny or hidden frames (counters, login keep-alives) hold no form worth mentioning.
    else if (src && /^https?:/.test(src) && box.width > 80 && box.height > 40) n++;
  }
  return n;
}

/**
 * The content script's work in a portal page's top frame: scan and match for the side panel, fill,
 * outline, undo, and tell an open panel when the form changes. The engine walks same-origin frames and
 * open shadow roots itself; cross-origin frames are out of reach (their own origin would need enabling
 * and its own coordination, which this version does not do). Nothing is stored in the page's origin:
 * values arrive in the message and are forgotten with the page.
 */
export function startPortalAgent(): () => void {
  let reports: FillReport[] = [];
  let warmed = false;
  let removeOutline: (() => void) | undefined;
  // Control changes noticed, and how many of them the last scan or fill had seen when it read the page:
  // the panel's last look is current only when the two agree (tianbao fill waits for that).
  let noticed = 0;
  let read = 0;

  const matchPage = (slots: MatchSlot[], learned: LearnedMapping[]): Match[] => {
    read = noticed;
    return match(scan(document), slots, { learned });
  };

  const outline = (matches: Match[], filledKeys: Set<string>, differing = new Set<string>()) => {
    removeOutline?.();
    // Filled controls in green, unsure ones left for the person in amber; nothing else is marked.
    const shown = matches.flatMap((m): Match[] =>
      filledKeys.has(m.field.key)
        ? [{ ...m, status: 'matched' }]
        : m.status === 'unsure' && m.slotId
          ? [m]
          : differing.has(m.field.key)
            ? [{ ...m, status: 'unsure' }]
            : [],
    );
    removeOutline = shown.length ? highlight(shown) : undefined;
  };

  const stopMessages = onMessages({
    'to-content:ping': () => ({ ready: true, url: location.href, warmed, unread: noticed > read }),
    'to-content:scan': async ({ slots, learned, settle }) => {
      // Rescans come after the page reported a change, already debounced: no second wait (a page that
      // never stops moving, such as a scrolling notice board, would cost the timeout every time).
      if (settle) await waitForSettle(document, { quietMs: 300, timeoutMs: 4000 });
      return {
        rows: matchPage(slots, learned).map(toRow),
        url: location.href,
        foreignFrames: foreignFrames(document),
        progress: formProgress(document),
      };
    },
    'to-content:fill': async ({ slots, learned, values, confirmed, replace }) => {
      let matches = matchPage(slots, learned);
      const report = fill(matches, values, { confirmed, replace });
      // Comboboxes and date pickers are chosen in their popups after fill() returns.
      await report.done;
      if (report.skipped.some((s) => s.reason === 'ambiguous')) matches = matchPage(slots, learned);
      if (report.filled.length) reports.push(report);
      const filledKeys = new Set(reports.flatMap((r) => r.filled.map((f) => f.key)));
      // A control that holds another answer waits for the person's 覆盖 / 保留: amber, like an unsure one.
      const differing = new Set(report.skipped.filter((s) => s.reason === 'not empty').map((s) => s.key));
      outline(matches, filledKeys, differing);
      return {
        filled: report.filled.map((f) => ({ key: f.key, slotId: f.slotId, value: f.value })),
        skipped: report.skipped.map((s) => ({
          key: s.key,
          slotId: s.slotId,
          reason: s.reason,
          ...(s.current !== undefined && { current: s.current, wanted: s.wanted }),
        })),
        rows: matches.map(toRow),
        progress: formProgress(document),
      };
    },
    'to-content:undo': () => {
      // Latest first, so a control filled twice ends with what the page had before the first fill.
      const restored = new Set(reports.flatMap((r) => r.filled.map((f) => f.key))).size;
      for (const r of reports.reverse()) r.undo();
      reports = [];
      removeOutline?.();
      removeOutline = undefined;
      return { restored };
    },
  });

  // While a side panel is connected, tell it when controls appear or change (late forms, SPA routes).
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PANEL_PORT) return;
    const stop = watch(
      document,
      () => {
        const message: PortMessage = { type: 'to-sidepanel:page-changed', url: location.href };
        try {
          port.postMessage(message);
        } catch {
          stop();
        }
      },
      { onNotice: () => noticed++ },
    );
    port.onDisconnect.addListener(() => stop());
  };
  browser.runtime.onConnect.addListener(onConnect);

  // Compile and tune the engine while the page is idle, on a scratch form of its own, so the panel's
  // first scan and the first 一键填报 run at warm speed (about half the cold time on a 300-blank form).
  const warming = requestIdleCallback(
    () => {
      try {
        warmUp(document);
        warmed = true;
      } catch {
        // Only a head start: a failure here changes nothing for the real scan.
      }
    },
    { timeout: 3000 },
  );

  return () => {
    cancelIdleCallback(warming);
    stopMessages();
    browser.runtime.onConnect.removeListener(onConnect);
    removeOutline?.();
  };
}
