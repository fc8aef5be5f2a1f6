// Setting a control the way typing would: focus, the prototype's value setter (so React's value
// tracker and Vue's listeners notice), input and change events that cross shadow roots, blur.
import { standIn } from './dom.ts';
import type { Control } from './types.ts';

type View = Window & typeof globalThis;

const viewOf = (el: Element): View | null => el.ownerDocument.defaultView as View | null;

function protoSetter(
  el: Control,
  prop: 'value' | 'checked',
): ((this: Element, v: unknown) => void) | undefined {
  const view = viewOf(el);
  const ctor =
    el.localName === 'input'
      ? view?.HTMLInputElement
      : el.localName === 'select'
        ? view?.HTMLSelectElement
        : view?.HTMLTextAreaElement;
  return ctor ? Object.getOwnPropertyDescriptor(ctor.prototype, prop)?.set : undefined;
}

function fire(el: Control, data: string | null) {
  const view = viewOf(el);
  const InputEv = view?.InputEvent ?? view?.Event ?? Event;
  const Ev = view?.Event ?? Event;
  el.dispatchEvent(
    new InputEv('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data }),
  );
  el.dispatchEvent(new Ev('change', { bubbles: true, composed: true }));
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
  const view = viewOf(el);
  const FocusEv = view?.FocusEvent ?? FocusEvent;
  el.dispatchEvent(new FocusEv('focus', { bubbles: false, composed: true }));
  el.dispatchEvent(new FocusEv('focusin', { bubbles: true, composed: true }));
};
const blur = (el: Control, mode: FocusMode = 'events') => {
  if (mode === 'real') {
    el.blur();
    return;
  }
  const view = viewOf(el);
  const FocusEv = view?.FocusEvent ?? FocusEvent;
  el.dispatchEvent(new FocusEv('blur', { bubbles: false, composed: true }));
  el.dispatchEvent(new FocusEv('focusout', { bubbles: true, composed: true }));
};

/** Text-like inputs, textareas and selects. */
export function setValue(el: Control, value: string, mode: FocusMode = 'events'): void {
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
  const widget = standIn(el);
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
