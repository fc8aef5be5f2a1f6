// Pages that render their form late (scripts, SPA routes): wait until the DOM stops changing, and keep
// watching for new controls while the side panel is open.

export interface SettleOptions {
  /** Quiet time that counts as settled (default 300 ms). */
  quietMs?: number;
  /** Give up waiting after this long (default 5000 ms) and scan what is there. */
  timeoutMs?: number;
}

const CONTROL = /^(INPUT|SELECT|TEXTAREA)$/;

/** Resolves once no DOM mutation happened for quietMs (or at timeoutMs). */
export function waitForSettle(doc: Document, options: SettleOptions = {}): Promise<void> {
  const quietMs = options.quietMs ?? 300;
  const timeoutMs = options.timeoutMs ?? 5000;
  const view = doc.defaultView;
  if (!view) return Promise.resolve();
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    const observer = new view.MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden'],
    });
    quiet = setTimeout(done, quietMs);
    const limit = setTimeout(done, timeoutMs);
  });
}

function addsControls(records: MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'attributes') return true;
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

/**
 * Calls onChange (debounced) whenever controls appear or change visibility; returns a stop function.
 * Frames are watched once loaded; shadow roots attached later are seen on the next rescan.
 */
export function watch(doc: Document, onChange: () => void, debounceMs = 250): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new view.MutationObserver((records) => {
    if (!addsControls(records)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  observer.observe(doc, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden'],
  });
  const onLoad = (e: Event) => {
    if ((e.target as Element | null)?.localName === 'iframe') {
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    }
  };
  doc.addEventListener('load', onLoad, true);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    doc.removeEventListener('load', onLoad, true);
  };
}
