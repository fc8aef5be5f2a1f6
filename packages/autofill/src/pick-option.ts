// Choosing in a drawn combobox as a person does: open it, find the one option that says the value, click
// it, and read back what the box shows. A list drawn in a portal (teleported el-select dropdown, antd's
// popup with a virtual list that renders only the rows in view) is found through aria-controls and scrolled
// through. Two options that both fit mean no choice: the person decides.
import { isShown } from './dom.ts';
import { normalize } from './text.ts';
import type { Control, FillValue } from './types.ts';
import { selectBoxOf, shownChoice } from './widget.ts';
import { yesNo } from './yes-no.ts';

export type PickResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'no option' | 'ambiguous' | 'rejected' };

const PLACEHOLDER_OPTION = /请选择|^-+$|^\s*$|^全部$/;

/** Waits a tick of the page's own timers (kits render the popup on their next tick). */
export const tick = (el: Element, ms = 20): Promise<void> =>
  new Promise((done) => (el.ownerDocument.defaultView ?? globalThis).setTimeout(done, ms));

/**
 * Polls until `get` returns something (at most `limitMs` of ticks). The limits are generous: a kit draws its
 * popup on its own render, which a busy office PC (or CI's two cores) can hold up for seconds, and waiting
 * costs nothing when it comes at once.
 */
export async function until<T>(
  el: Element,
  get: () => T | null | undefined,
  limitMs = 5000,
): Promise<T | null> {
  for (let waited = 0; ; waited += 20) {
    const got = get();
    if (got) return got;
    if (waited >= limitMs) return null;
    await tick(el);
  }
}

/** A mouse press and click as a person's, on the element the kit listens to (antd opens on mousedown). */
export function press(target: Element): void {
  const view = target.ownerDocument.defaultView;
  const Mouse = view?.MouseEvent ?? MouseEvent;
  const init = { bubbles: true, cancelable: true, composed: true, view, button: 0 };
  target.dispatchEvent(new Mouse('mousedown', init));
  target.dispatchEvent(new Mouse('mouseup', init));
  target.dispatchEvent(new Mouse('click', init));
}

/** The open popup of this combobox: what aria-controls names, widened to the kit's dropdown. */
function popupOf(el: Control): Element | null {
  const doc = el.ownerDocument;
  const id = el.getAttribute('aria-controls') || el.getAttribute('aria-owns');
  const list = id ? doc.getElementById(id) : null;
  if (!list) return null;
  const popup = list.closest('.el-select-dropdown, .ant-select-dropdown, .el-popper, [role=dialog]') ?? list;
  if (popup.matches('.ant-select-dropdown-hidden')) return null;
  return isShown(popup) || isShown(list) ? popup : null;
}

/** The options as drawn: the kit's items (antd draws them apart from its small a11y list), else role=option. */
function optionsIn(popup: Element): Element[] {
  const kit = popup.querySelectorAll('.ant-select-item-option, .el-select-dropdown__item');
  const items = kit.length ? Array.from(kit) : Array.from(popup.querySelectorAll('[role=option]'));
  return items.filter(
    (o) =>
      !o.matches('.is-disabled, .ant-select-item-option-disabled, [aria-disabled=true]') &&
      !PLACEHOLDER_OPTION.test(optionText(o)),
  );
}

const optionText = (o: Element): string => (o.getAttribute('title') || o.textContent || '').trim();

/** How an option's text fits the value: 2 the same, 1 one contains the other, 0 not at all. */
export function fitOf(text: string, v: FillValue): number {
  if (typeof v === 'boolean') return yesNo(text) === (v ? 'yes' : 'no') ? 2 : 0;
  const t = normalize(text);
  const n = normalize(String(v));
  if (!t || !n) return 0;
  if (t === n) return 2;
  return t.includes(n) || n.includes(t) ? 1 : 0;
}

/** The one option for a value among all option texts: exact first, else the only one that fits. */
export function chooseOption(texts: readonly string[], v: FillValue): PickResult {
  const fits = texts.map((t) => fitOf(t, v));
  const best = Math.max(0, ...fits);
  if (!best) return { ok: false, reason: 'no option' };
  const hits = new Set(texts.filter((_, i) => fits[i] === best).map(normalize));
  if (hits.size !== 1) return { ok: false, reason: 'ambiguous' };
  return { ok: true, text: texts[fits.indexOf(best)] as string };
}

/** The scroller of a virtual or long list, when there is more to see below. */
const scrollerOf = (popup: Element): HTMLElement | null =>
  popup.querySelector<HTMLElement>(
    '.ant-select-dropdown-list-holder, .rc-virtual-list-holder, .el-select-dropdown__wrap, .el-scrollbar__wrap',
  );

/**
 * Every option text of the list, scrolling a virtual list through; calls `visit` on each page of rows.
 * Null when a virtual list did not draw a scrolled-to page in time: the options seen are then not all
 * of them, and choosing among a part could take 文本40 for 文本4 (the exact one unseen).
 */
async function readAll(
  popup: Element,
  el: Control,
  visit: (items: Element[]) => boolean,
): Promise<string[] | null> {
  const texts = new Set<string>();
  const scroller = scrollerOf(popup);
  // A virtual list (antd's) draws the rows in view after the scroll event, on its own render: on a busy
  // machine that takes longer than a tick, and reading too early skips a page of options.
  const virtual = scroller?.matches('.rc-virtual-list-holder, .ant-select-dropdown-list-holder') ?? false;
  const rowsKey = () => optionsIn(popup).map(optionText).join('\n');
  let drawn = '';
  // How far the last scroll moved, against one row's height: a move shorter than a row may leave the
  // same rows drawn, a longer one must bring new rows.
  let moved = 0;
  let rowHeight = 0;
  const rewound = !!scroller && scroller.scrollTop > 0;
  if (scroller && rewound) {
    drawn = rowsKey();
    moved = scroller.scrollTop;
    rowHeight = (optionsIn(popup)[0] as HTMLElement | undefined)?.offsetHeight ?? 0;
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new (el.ownerDocument.defaultView?.Event ?? Event)('scroll'));
  }
  for (let page = 0; page < 200; page++) {
    if (scroller && (page || rewound)) {
      await tick(el, 30);
      const redrawn = !virtual || (await until(el, () => rowsKey() !== drawn || null, 3000));
      if (!redrawn && moved >= rowHeight) return null;
    }
    const items = optionsIn(popup);
    drawn = items.map(optionText).join('\n');
    rowHeight = (items[0] as HTMLElement | undefined)?.offsetHeight ?? 0;
    for (const o of items) texts.add(optionText(o));
    if (visit(items)) break;
    if (!scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.max(20, scroller.clientHeight - 24);
    scroller.dispatchEvent(new (el.ownerDocument.defaultView?.Event ?? Event)('scroll'));
    moved = scroller.scrollTop - before;
    if (moved === 0) break;
  }
  return [...texts];
}

function close(el: Control): void {
  const view = el.ownerDocument.defaultView;
  const Key = view?.KeyboardEvent ?? KeyboardEvent;
  el.dispatchEvent(new Key('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true }));
  el.dispatchEvent(new (view?.FocusEvent ?? FocusEvent)('blur', { composed: true }));
}

/** Opens the combobox, picks the option for `v` when exactly one says it, and checks what it shows. */
export async function pickOption(el: Control, v: FillValue): Promise<PickResult> {
  const box = selectBoxOf(el);
  const trigger = box.querySelector('.el-select__wrapper, .ant-select-selector') ?? box;
  let popup = popupOf(el);
  if (!popup) {
    press(trigger);
    popup = await until(el, () => popupOf(el));
  }
  if (!popup) return { ok: false, reason: 'no option' };
  await until(el, () => (optionsIn(popup as Element).length ? true : null), 3000);
  const texts = await readAll(popup, el, () => false);
  const choice: PickResult = texts ? chooseOption(texts, v) : { ok: false, reason: 'no option' };
  if (!choice.ok) {
    close(el);
    return choice;
  }
  let clicked = false;
  await readAll(popup, el, (items) => {
    const item = items.find((o) => optionText(o) === choice.text);
    if (!item) return false;
    press(item);
    clicked = true;
    return true;
  });
  if (!clicked) {
    close(el);
    return { ok: false, reason: 'no option' };
  }
  const shown = await until(el, () => shownChoice(el) || null, 3000);
  if (popupOf(el)) close(el);
  if (!shown || normalize(shown) !== normalize(choice.text)) return { ok: false, reason: 'rejected' };
  return { ok: true, text: shown };
}
