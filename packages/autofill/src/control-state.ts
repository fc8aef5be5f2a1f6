// What a control holds now, as fill() judges it: nobody's answer yet, or a value someone put there.
import type { Control } from './types.ts';

const PLACEHOLDER_OPTION = /请选择|^-+|^选择|^\s*$|^全部$/;

export const isPlaceholderOption = (text: string): boolean => PLACEHOLDER_OPTION.test(text.trim());

const isBox = (el: Control): el is HTMLInputElement =>
  el.localName === 'input' &&
  ((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio');

/** The control's state as one string: its value, or 'checked'/'' for boxes. */
export const stateOf = (el: Control): string => (isBox(el) ? (el.checked ? 'checked' : '') : el.value);

/** What a person sees in the control: a select's chosen option text, else its value ('checked' for boxes). */
export function shownText(el: Control): string {
  if (el.localName === 'select') {
    const s = el as HTMLSelectElement;
    const opt = s.options[s.selectedIndex];
    return opt && !selectIsEmpty(s) ? opt.text.trim() : '';
  }
  return stateOf(el);
}

/**
 * Empty, or still the 0 the page put there itself ("无则填 0" portals start every number at 0): a value
 * equal to the control's default 0 is nobody's answer yet. Anything else the page or user put is kept.
 */
export function isBlank(el: Control, value: string): boolean {
  if (value.trim() === '') return true;
  return /^0(\.0+)?$/.test(value.trim()) && value === (el as HTMLInputElement).defaultValue;
}

export function selectIsEmpty(el: HTMLSelectElement): boolean {
  const opt = el.options[el.selectedIndex];
  return !opt || el.value === '' || isPlaceholderOption(opt.text);
}

/** The control holds somebody's answer (a filled box, a chosen option, a typed value). */
export function holdsAnswer(el: Control): boolean {
  if (isBox(el)) return el.checked;
  if (el.localName === 'select') return !selectIsEmpty(el as HTMLSelectElement);
  return !isBlank(el, el.value);
}
