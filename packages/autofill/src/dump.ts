// The live state of every form control of a page, in the dump format of the shared portal fixtures
// (../shared/portals/README.md), so a fill can be scored. Runs in the page; reads only.
import { inputType, isControl } from './dom.ts';
import { isoDate } from './format-value.ts';
import { shownChoice, widgetOf } from './widget.ts';

export interface DumpedField {
  frame: string;
  name: string;
  id: string;
  type: string;
  value: string;
  checked: boolean;
  shadow: boolean;
  /**
   * What the control shows as the template would say it: a select's chosen option text; a drawn
   * combobox's shown choice; a kit date picker's date as YYYY-MM-DD when it shows another format.
   */
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
        const widget = widgetOf(el);
        // A combobox's choice lives outside any control: its value is what it shows.
        if (widget === 'listbox') {
          f.type = 'combobox';
          f.value = shownChoice(el);
          f.text = f.value;
        } else if (widget === 'date' && f.value && isoDate(f.value) && isoDate(f.value) !== f.value)
          f.text = isoDate(f.value);
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
