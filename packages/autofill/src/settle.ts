// Pages that render their form late (scripts, SPA routes): wait until the DOM stops changing, and keep
// watching for new controls while the side panel is open.
import { isShown } from './dom.ts';

export interface SettleOptions {
  /** Quiet time that counts as settled (default 300 ms). */
  quietMs?: number;
  /** Give up waiting after this long (default 5000 ms) and scan what is there. */
  timeoutMs?: number;
}

const CONTROL = /^(INPUT|SELECT|TEXTAREA)$/;

/** What kits and portal scripts show while the form's data is on its way. */
const LOADING =
  '[class*=loading]:not(html):not(body),[aria-busy=true],.ant-spin-spinning,.datagrid-mask,.layui-layer-load';

/**
 * A loading indicator is shown in the document or one of its same-origin frames: the form is not there
 * yet, however quiet the DOM is (a portal that draws its table after an ajax call of a few seconds).
 */
export function loadingShown(doc: Document): boolean {
  for (const el of Array.from(doc.querySelectorAll(LOADING)))
    if (isShown(el) && !el.closest('[hidden]')) return true;
  for (const frame of Array.from(doc.querySelectorAll('iframe,frame'))) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null; // cross-origin: not ours to read
    }
    if (inner && loadingShown(inner)) return true;
  }
  return false;
}

/** Resolves once no DOM mutation happened for quietMs and no loading indicator shows (or at timeoutMs). */
export function waitForSettle(doc: Document, options: SettleOptions = {}): Promise<void> {
  const quietMs = options.quietMs ?? 300;
  const timeoutMs = options.timeoutMs ?? 5000;
  const view = doc.defaultView;
  if (!view) return Promise.resolve();
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const settled = () => {
      if (loadingShown(doc)) quiet = setTimeout(settled, quietMs);
      else done();
    };
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    const observer = new view.MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(settled, quietMs);
    });
    observer.observe(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden'],
    });
    quiet = setTimeout(settled, quietMs);
    const limit = setTimeout(done, timeoutMs);
  });
}

const CONTROLS = 'input,select,textarea,iframe,frame';

/** A control or frame, or an element holding one, also inside open shadow roots. */
function holdsControls(node: Element | ShadowRoot): boolean {
  if (
    node.nodeType === 1 &&
    (CONTROL.test((node as Element).tagName) || /^i?frame$/.test((node as Element).localName))
  )
    return true;
  if (node.querySelector(CONTROLS)) return true;
  const hosts = Array.from(node.querySelectorAll('*'));
  if (node.nodeType === 1) hosts.push(node as Element);
  return hosts.some((h) => !!h.shadowRoot && holdsControls(h.shadowRoot));
}

/**
 * Controls appeared, or an element holding controls changed its style, class or hidden (shown, hidden,
 * another tab). Style changes elsewhere, such as a scrolling notice that moves every few milliseconds,
 * say nothing about the form and would keep the report waiting for quiet forever.
 */
function addsControls(records: MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'attributes') {
      if (r.target.nodeType === 1 && holdsControls(r.target as Element)) return true;
      continue;
    }
    for (const n of Array.from(r.addedNodes)) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (
        CONTROL.test(el.tagName) ||
        el.localName === 'iframe' ||
        el.querySelector('input,select,textarea,iframe')
      ) {
        return true;
      }
    }
  }
  return false;
}

export interface WatchOptions {
  /** Quiet time before onChange is called (default 250 ms): a burst of changes is reported once. */
  debounceMs?: number;
  /**
   * Called at once for every change onChange will report, before the debounce: lets the caller know the
   * page it read last is out of date even while the report is still waiting.
   */
  onNotice?: () => void;
}

/**
 * Calls onChange (debounced) whenever controls appear or change visibility, in the document, its
 * same-origin frames (also those loaded later) and the open shadow roots present when watching starts
 * or when a change is reported; returns a stop function.
 */
export function watch(doc: Document, onChange: () => void, options: WatchOptions = {}): () => void {
  const { debounceMs = 250, onNotice } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observers: MutationObserver[] = [];
  const watched = new WeakSet<Node>();
  const loads: Document[] = [];
  const fire = () => {
    onNotice?.();
    clearTimeout(timer);
    timer = setTimeout(() => {
      attachAll(doc);
      onChange();
    }, debounceMs);
  };
  const onLoad = (e: Event) => {
    const tag = (e.target as Element | null)?.localName;
    if (tag === 'iframe' || tag === 'frame') fire();
  };
  const observe = (root: Document | ShadowRoot) => {
    if (watched.has(root)) return;
    const view = (root.nodeType === 9 ? (root as Document) : root.ownerDocument)?.defaultView;
    if (!view) return;
    watched.add(root);
    const observer = new view.MutationObserver((records) => {
      if (addsControls(records)) fire();
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden'],
    });
    observers.push(observer);
    if (root.nodeType === 9) {
      root.addEventListener('load', onLoad, true);
      loads.push(root as Document);
    }
  };
  const attachAll = (root: Document | ShadowRoot) => {
    observe(root);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const sr = (el as HTMLElement).shadowRoot;
      if (sr) attachAll(sr);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        try {
          const inner = (el as HTMLIFrameElement).contentDocument;
          if (inner) attachAll(inner);
        } catch {
          // cross-origin frame: not ours
        }
      }
    }
  };
  if (!doc.defaultView) return () => {};
  attachAll(doc);
  return () => {
    for (const o of observers) o.disconnect();
    for (const d of loads) d.removeEventListener('load', onLoad, true);
    clearTimeout(timer);
  };
}
