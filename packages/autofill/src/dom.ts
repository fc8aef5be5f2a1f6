// Realm-safe DOM helpers: controls may live in frames, so no `instanceof` against this window's classes.
import type { Control } from './types.ts';

export const isElement = (n: Node | null | undefined): n is Element => !!n && n.nodeType === 1;
export const tagOf = (el: Element): string => el.localName;

export const isControl = (el: Element): el is Control => {
  const t = el.localName;
  return t === 'input' || t === 'select' || t === 'textarea';
};

export const isInput = (el: Element): el is HTMLInputElement => el.localName === 'input';
export const isSelect = (el: Element): el is HTMLSelectElement => el.localName === 'select';
export const isTextarea = (el: Element): el is HTMLTextAreaElement => el.localName === 'textarea';

/** The input type as the browser understands it (lower case, unknown types are 'text'). */
export const inputType = (el: Control): string =>
  isInput(el) ? (el.type || 'text').toLowerCase() : isSelect(el) ? 'select-one' : 'textarea';

/** Tags whose text is never page context. */
export const SILENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'option',
  'optgroup',
  'datalist',
  'svg',
]);

/** Tags that do not start a new line: the cell of a control is its nearest ancestor not in this list. */
export const INLINE = new Set([
  'span',
  'label',
  'font',
  'b',
  'i',
  'em',
  'strong',
  'u',
  'a',
  'nobr',
  'small',
  'big',
  'sub',
  'sup',
  'code',
  'abbr',
  'ins',
  'del',
  'mark',
  's',
  'q',
  'cite',
  'var',
  'kbd',
  'tt',
  'bdi',
  'bdo',
  'wbr',
  'img',
]);

/**
 * Drawn on screen: no display:none up the tree and not visibility:hidden. The engine's one visibility test —
 * a control to skip, the widget a kit draws in place of a hidden one, a kit's open popup or date panel, a
 * stepper or pager in view. visibilityProperty is the option's name since Chrome 121, checkVisibilityCSS its
 * alias from Chrome 105 on, so both are given; without checkVisibility at all everything counts as shown.
 */
export const isShown = (el: Element): boolean =>
  typeof el.checkVisibility !== 'function' ||
  el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });

/** Not rendered: a hidden input, the hidden attribute up the tree, or not shown (isShown). */
export const isHidden = (el: Control): boolean =>
  (isInput(el) && el.type === 'hidden') || !!el.closest('[hidden]') || !isShown(el);

/**
 * The widget a UI kit draws in place of a box or select it hides (layui puts a styled div right after
 * the display:none original): the element a person would click. Null when the control is not hidden
 * that way (an ordinary hidden control, or nothing visible beside it).
 */
export function standIn(el: Control): Element | null {
  const type = inputType(el);
  if (type !== 'checkbox' && type !== 'radio' && type !== 'select-one') return null;
  const parent = el.parentElement;
  if (!parent || !isShown(parent) || isShown(el)) return null;
  const next = el.nextElementSibling;
  if (next && !isControl(next) && !next.closest('a[href]') && next.localName !== 'button' && isShown(next))
    return next;
  // A box hidden inside the label a kit draws around it (circle first, the box last): the label is
  // what a person clicks, and clicking it checks the box the browser's own way.
  const label = type === 'select-one' ? null : el.closest('label');
  return label && isShown(label) && !label.querySelector('input:not([type=hidden]) ~ input, select, textarea')
    ? label
    : null;
}

/** Text of a node without script/style/option text and without the text of nested controls. */
export function textOf(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (!isElement(node) || SILENT.has(tagOf(node)) || isControl(node)) return '';
  let s = '';
  for (let c = node.firstChild; c; c = c.nextSibling) s += textOf(c);
  return s;
}

export const hasControl = (el: Element): boolean =>
  isControl(el) || !!el.querySelector('input:not([type=hidden]),select,textarea');

/** The document or shadow root an element belongs to. */
export const rootOf = (el: Element): Document | ShadowRoot => el.getRootNode() as Document | ShadowRoot;

export const byId = (root: Document | ShadowRoot, id: string): Element | null =>
  (root as Document).getElementById ? (root as Document).getElementById(id) : null;
