// Outlines around matched controls, drawn in the engine's own shadow root so portal styles are untouched.
import type { Match, MatchStatus } from './types.ts';

const COLORS: Record<MatchStatus, string> = { matched: '#16a34a', unsure: '#d97706', unmatched: '#9ca3af' };

/** Draws one outline per control (per document, in a closed shadow root); returns a function removing them. */
export function highlight(matches: readonly Match[]): () => void {
  const hosts = new Map<Document, { host: HTMLElement; root: ShadowRoot }>();
  for (const m of matches) {
    const el = m.field.control;
    const doc = el.ownerDocument;
    const view = doc.defaultView;
    if (!view) continue;
    let layer = hosts.get(doc);
    if (!layer) {
      const host = doc.createElement('tianbao-highlight');
      host.style.cssText =
        'position:absolute;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none;';
      const root = host.attachShadow({ mode: 'closed' });
      doc.documentElement.appendChild(host);
      layer = { host, root };
      hosts.set(doc, layer);
    }
    const r = el.getBoundingClientRect();
    const box = doc.createElement('div');
    box.style.cssText = [
      'position:absolute',
      `left:${r.left + view.scrollX - 2}px`,
      `top:${r.top + view.scrollY - 2}px`,
      `width:${r.width + 4}px`,
      `height:${r.height + 4}px`,
      `outline:2px solid ${COLORS[m.status]}`,
      'border-radius:3px',
      'pointer-events:none',
    ].join(';');
    box.title = m.reason; // set as a property: page text never becomes markup
    layer.root.appendChild(box);
  }
  return () => {
    for (const { host } of hosts.values()) host.remove();
  };
}
