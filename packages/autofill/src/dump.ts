// The live state of every form control of a page, in the dump format of the shared portal fixtures
// (../shared/portals/README.md), so a fill can be scored. Runs in the page; reads only.
import { inputType, isControl } from './dom.ts';

export interface DumpedField {
  frame: string;
  name: string;
  id: string;
  type: string;
  value: string;
  checked: boolean;
  shadow: boolean;
  /** Selected option text, for selects. */
  text?: string;
}

export interface Dump {
  fields: DumpedField[];
}

/** Every input, select and textarea of the document, its same-origin frames and open shadow roots. */
export function dump(doc: Document): Dump {
  const fields: DumpedField[] = [];
  const visit = (root: Document | ShadowRoot, frame: string, shadow: boolean) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (isControl(el)) {
        const f: DumpedField = {
          frame,
          name: el.getAttribute('name') ?? '',
          id: el.id,
          type: inputType(el),
          value: el.value,
          checked: el.localName === 'input' ? (el as HTMLInputElement).checked : false,
          shadow,
        };
        if (el.localName === 'select') {
          const s = el as HTMLSelectElement;
          f.text = s.options[s.selectedIndex]?.text ?? '';
        }
        fields.push(f);
      }
      if (el.localName === 'iframe' || el.localName === 'frame') {
        try {
          const inner = (el as HTMLIFrameElement).contentDocument;
          if (inner) visit(inner, inner.location.href, false);
        } catch {
          // cross-origin frame: not readable, not ours
        }
      }
      const sr = (el as HTMLElement).shadowRoot;
      if (sr) visit(sr, frame, true);
    }
  };
  visit(doc, doc.location?.href ?? '', false);
  return { fields };
}
