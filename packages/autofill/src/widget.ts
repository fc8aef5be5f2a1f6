// Controls a UI kit draws instead of a native select or date input: an ARIA combobox (Element Plus
// el-select, Ant Design Select) whose choice shows outside any form control, and a date picker (el-date-picker,
// antd DatePicker, layui laydate) whose input is often readonly and takes a date only through its panel.
// What a person sees is read from the kit's own markup; nothing here writes to the page.
import { isInput } from './dom.ts';
import type { Control } from './types.ts';

/** 'listbox': a combobox whose options appear in a popup when opened; 'date': a kit's date picker input. */
export type WidgetKind = 'listbox' | 'date';

/** A date picker's input in the kits portals use: el-date-picker (one date), antd DatePicker, laydate. */
function isDatePicker(el: HTMLInputElement): boolean {
  if (el.hasAttribute('lay-key')) return true; // laydate marks the input it renders for
  const editor = el.closest('.el-date-editor, .ant-picker');
  if (!editor) return false;
  // One date: a range or a time picker has two inputs or no date at all.
  return (
    !editor.matches(
      '.el-range-editor, .ant-picker-range, .el-date-editor--time, .el-date-editor--datetimerange',
    ) && editor.querySelectorAll('input').length === 1
  );
}

/** Which drawn widget the control is the input of, or null for a plain control. */
export function widgetOf(el: Control): WidgetKind | null {
  if (!isInput(el)) return null;
  const type = (el.type || 'text').toLowerCase();
  if (type !== 'text' && type !== 'search') return null;
  if (isDatePicker(el)) return 'date';
  const role = el.getAttribute('role');
  const popup = el.getAttribute('aria-haspopup');
  if (role === 'combobox' && (popup === null || popup === 'listbox' || popup === 'true')) return 'listbox';
  return null;
}

/**
 * Comboboxes whose options, once opened, left more than one that fits the value: the person chooses.
 * Remembered per control (weakly) so every later scan shows the field as 需确认 with the reason.
 */
const doubts = new WeakMap<Element, string>();
export const widgetDoubt = (el: Element): string | undefined => doubts.get(el);
export const rememberDoubt = (el: Element, why: string): void => {
  doubts.set(el, why);
};

/** The kit's select around a combobox input (el-select, ant-select), or the input's own box. */
export const selectBoxOf = (el: Element): Element =>
  el.closest('.el-select, .ant-select, [class*="-select "], [class$="-select"]') ?? el.parentElement ?? el;

const PLACEHOLDER_CLASS = /placeholder|is-transparent/;

/**
 * The choice a combobox shows, as the person reads it ('' when it shows only its placeholder): Element
 * Plus puts it in .el-select__selected-item, antd 5 in .ant-select-selection-item, antd 6 in
 * .ant-select-content with a value; any other kit as the box's text without its placeholder.
 */
export function shownChoice(el: Control): string {
  if (el.value && !(el as HTMLInputElement).readOnly) return el.value.trim(); // a searchable combobox that shows its text itself
  const box = selectBoxOf(el);
  const ep = box.querySelector(
    '.el-select__selected-item:not(.el-select__input-wrapper):not(.is-transparent)',
  );
  if (ep) return (ep.textContent ?? '').trim();
  if (box.querySelector('.el-select__selected-item')) return '';
  const antd5 = box.querySelector('.ant-select-selection-item');
  if (antd5) return (antd5.getAttribute('title') ?? antd5.textContent ?? '').trim();
  const antd6 = box.querySelector('.ant-select-content-has-value');
  if (antd6) return (antd6.getAttribute('title') ?? antd6.textContent ?? '').trim();
  if (box.querySelector('.ant-select-content, .ant-select-selector')) return '';
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) text += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (PLACEHOLDER_CLASS.test(e.getAttribute('class') ?? '') || e.localName === 'svg') return;
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    }
  };
  walk(box);
  return text.trim();
}
