// Setting a control the way typing would: focus, the prototype's value setter (so React's value
// tracker and Vue's listeners notice), input and change events that cross shadow roots, blur.
import { standIn } from './dom.ts';
import type { Control } from './types.ts';

type View = Window & typeof globalThis;
type Setter = (this: Element, v: unknown) => void;

/** A frame's own setters and event classes, looked up once per frame instead of once per control. */
interface Kit {
  setters: Map<string, Setter | undefined>;
  /** InputEvent, or plain Event in a DOM without it: both take the same options. */
  InputEvent: new (
    type: string,
    init: InputEventInit,
  ) => Event;
  Event: typeof Event;
  FocusEvent: typeof FocusEvent;
}

const kits = new WeakMap<object, Kit>();
const lent = new WeakMap<Document, View>();

/** A document without a window (the warm-up's scratch copy) uses the classes of the one that made it. */
export function lendView(scratch: Document, view: Window | null): void {
  if (view) lent.set(scratch, view as View);
}

const viewOf = (el: Element): View | null =>
  (el.ownerDocument.defaultView as View | null) ?? lent.get(el.ownerDocument) ?? null;

function kitOf(el: Element): Kit {
  const view = viewOf(el);
  const key = view ?? el.ownerDocument;
  const known = kits.get(key);
  if (known) return known;
  const kit: Kit = {
    setters: new Map(),
    InputEvent: view?.InputEvent ?? view?.Event ?? InputEvent,
    Event: view?.Event ?? Event,
    FocusEvent: view?.FocusEvent ?? FocusEvent,
  };
  kits.set(key, kit);
  return kit;
}

function protoSetter(el: Control, prop: 'value' | 'checked'): Setter | undefined {
  const kit = kitOf(el);
  const key = `${el.localName}.${prop}`;
  if (kit.setters.has(key)) return kit.setters.get(key);
  const view = viewOf(el);
  const ctor =
    el.localName === 'input'
      ? view?.HTMLInputElement
      : el.localName === 'select'
        ? view?.HTMLSelectElement
        : view?.HTMLTextAreaElement;
  const set = ctor ? Object.getOwnPropertyDescriptor(ctor.prototype, prop)?.set : undefined;
  kit.setters.set(key, set);
  return set;
}

// Event options are read when the event is constructed: one shared object per kind.
const BUBBLING = { bubbles: true, composed: true } as const;
const TARGET_ONLY = { bubbles: false, composed: true } as const;

function fire(el: Control, data: string | null) {
  const kit = kitOf(el);
  el.dispatchEvent(
    new kit.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data }),
  );
  el.dispatchEvent(new kit.Event('change', BUBBLING));
}

// Focus and blur as events, the way the page's listeners see them. A real focus() makes the browser
// update style and layout for every control (300 blanks: ~250 ms instead of a few ms) and moves the
// user's caret and scroll position around the page.
/** 'events' (default): focus/blur as events only; 'real': el.focus()/blur() too, for pages that look at
 * document.activeElement (slower: a style and layout pass per control). */
export type FocusMode = 'events' | 'real';

const focus = (el: Control, mode: FocusMode = 'events') => {
  if (mode === 'real') {
    try {
      el.focus({ preventScroll: true });
      return;
    } catch {
      // fall through to events
    }
  }
  const { FocusEvent } = kitOf(el);
  el.dispatchEvent(new FocusEvent('focus', TARGET_ONLY));
  el.dispatchEvent(new FocusEvent('focusin', BUBBLING));
};
const blur = (el: Control, mode: FocusMode = 'events') => {
  if (mode === 'real') {
    el.blur();
    return;
  }
  const { FocusEvent } = kitOf(el);
  el.dispatchEvent(new FocusEvent('blur', TARGET_ONLY));
  el.dispatchEvent(new FocusEvent('focusout', BUBBLING));
};

/**
 * A kit that hides a select and draws its own list (layui: dl > dd[lay-value]) shows a choice, and
 * tells the page about it, only when one of its items is clicked. The item must say the option's text
 * and, where it names a value, the option's value; otherwise nothing is clicked.
 */
function pickInWidget(el: HTMLSelectElement, value: string): void {
  const widget = standIn(el);
  const text = [...el.options].find((o) => o.value === value)?.text.trim();
  if (!widget || text === undefined) return;
  for (const item of widget.querySelectorAll('dd, li, [role=option]')) {
    if (item.textContent?.trim() !== text) continue;
    const named = item.getAttribute('lay-value') ?? item.getAttribute('data-value');
    if (named !== null && named !== value) continue;
    (item as HTMLElement).click();
    return;
  }
}

/** Text-like inputs, textareas and selects. */
export function setValue(el: Control, value: string, mode: FocusMode = 'events'): void {
  if (el.localName === 'select') {
    pickInWidget(el as HTMLSelectElement, value);
    if (el.value === value) return;
  }
  focus(el, mode);
  const set = protoSetter(el, 'value');
  if (set) set.call(el, value);
  else el.value = value;
  fire(el, value);
  blur(el, mode);
}

/** Checkboxes and radios: a click when the state must change (pages hook clicks), checked as fallback. */
export function setChecked(el: HTMLInputElement, checked: boolean, mode: FocusMode = 'events'): void {
  if (el.checked === checked) return;
  focus(el, mode);
  // A kit that hides the real box redraws its own widget only when that widget is clicked.
  // Clicking a radio's widget can only choose it (and tells the page so): not a way to clear it.
  const widget = checked || el.type !== 'radio' ? standIn(el) : null;
  if (widget) (widget as HTMLElement).click();
  if (el.checked !== checked) el.click();
  if (el.checked !== checked) {
    const set = protoSetter(el, 'checked');
    if (set) set.call(el, checked);
    else el.checked = checked;
    fire(el, null);
  }
  blur(el, mode);
}
