// The text around a control: the words before and after it in its cell or line, its labels, the
// nearest preceding text when it has neither, and the fieldset/heading it sits under.
import { byId, INLINE, isControl, isElement, rootOf, SILENT, tagOf, textOf } from './dom.ts';
import { clean, leadingUnit, SEPARATOR, saysNothing, unitOnly } from './text.ts';
import type { Control } from './types.ts';
import { answerFormat } from './yes-no.ts';

type Token = { text: string } | { control: Control } | { brk: true };

/** Per-scan memo: a cell's tokens are computed once however many blanks it holds. */
export interface ContextCache {
  cells: Map<Element, { tokens: Token[]; at: Map<Control, number> }>;
  /** label[for] elements by id, per document or shadow root (control.labels walks the tree each call). */
  labelsFor: Map<Node, Map<string, Element[]>>;
}

export const newContextCache = (): ContextCache => ({ cells: new Map(), labelsFor: new Map() });

function labelsById(root: Document | ShadowRoot, cache: ContextCache): Map<string, Element[]> {
  let map = cache.labelsFor.get(root);
  if (!map) {
    map = new Map();
    for (const label of Array.from(root.querySelectorAll('label[for]'))) {
      const id = label.getAttribute('for') ?? '';
      const list = map.get(id);
      if (list) list.push(label);
      else map.set(id, [label]);
    }
    cache.labelsFor.set(root, map);
  }
  return map;
}

/** The element whose text forms the control's sentence: nearest ancestor that is not inline. */
export function containerOf(el: Element): Element {
  let last = el;
  let e = el.parentElement;
  while (e && INLINE.has(tagOf(e))) {
    last = e;
    e = e.parentElement;
  }
  // At the top of a shadow root: the outermost inline element (a component's <label>) is the line.
  return e ?? last;
}

function tokenize(container: Element): { tokens: Token[]; at: Map<Control, number> } {
  const out: Token[] = [];
  const at = new Map<Control, number>();
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = c.nodeValue ?? '';
        if (t.trim()) out.push({ text: t });
        continue;
      }
      if (!isElement(c)) continue;
      const tag = tagOf(c);
      if (SILENT.has(tag)) continue;
      if (isControl(c)) {
        if ((c as HTMLInputElement).type === 'hidden') continue;
        at.set(c, out.length);
        out.push({ control: c });
        continue;
      }
      if (tag === 'br' || tag === 'hr' || tag === 'button') {
        out.push({ brk: true });
        continue;
      }
      const block = !INLINE.has(tag);
      if (block) out.push({ brk: true });
      walk(c);
      if (block) out.push({ brk: true });
    }
  };
  walk(container);
  return { tokens: out, at };
}

/** The tokens of the control's cell and its position among them. */
export function tokensFor(el: Control, cache: ContextCache): { tokens: Token[]; at: number } | null {
  const container = containerOf(el);
  let cell = cache.cells.get(container);
  if (!cell) {
    cell = tokenize(container);
    cache.cells.set(container, cell);
  }
  const at = cell.at.get(el);
  return at === undefined ? null : { tokens: cell.tokens, at };
}

const trimBefore = (s: string) =>
  clean(s)
    .replace(/^[\s，,；;。！!？?、:：)）\]】]+/, '')
    .replace(/[\s:：(（[【_＿]+$/, '')
    .trim();
const trimAfter = (s: string) =>
  clean(s)
    .replace(/^[\s)）\]】_＿]+/, '')
    .trim();

/** Between two blanks 、 separates too: '开展“区域行”（ ）次、“专题行”（ ）次'. */
const BETWEEN = /[，,；;。！!？?、]/;

/**
 * Text between two blanks: the first blank's after-text and the second one's before-text. Split at the
 * separators (the reference rule: up to the first is the first blank's, after the last the second's); with none, a text ending in a colon labels the next blank
 * ("填报单位：[ ] 联系人：[ ]") apart from a leading unit; otherwise it all belongs to the first.
 */
export function splitBetween(text: string): [string, string] {
  const m = BETWEEN.exec(text);
  if (m) {
    // Words between the first and the last separator describe neither blank (a blank the portal left out).
    let last = m.index;
    for (let i = text.length - 1; i > m.index; i--) {
      if (BETWEEN.test(text[i] as string)) {
        last = i;
        break;
      }
    }
    return [text.slice(0, m.index), text.slice(last + 1)];
  }
  if (/[:：]\s*$/.test(text)) {
    const t = text.replace(/^[\s_)）]+/, '');
    const unit = leadingUnit(t);
    return [unit, t.slice(unit.length)];
  }
  return [text, ''];
}

/** The last clause of a text (after its last separator, trailing separators and colons ignored). */
function lastClause(text: string): string {
  const t = text.replace(/[\s，,；;。！!？?:：]+$/, '');
  let cut = -1;
  for (let i = t.length - 1; i >= 0; i--) {
    if (SEPARATOR.test(t[i] as string)) {
      cut = i;
      break;
    }
  }
  const tail = t.slice(cut + 1);
  return tail.trim() ? tail : t;
}

/**
 * Text before and after the control inside its cell, split like the reference lists: text between two
 * blanks goes to the first blank up to the first separator (，；。), the rest introduces the second.
 */
export function aroundText(el: Control, cache: ContextCache): { before: string; after: string } {
  const hit = tokensFor(el, cache);
  if (!hit) return { before: '', after: '' };
  const { tokens, at } = hit;
  let back = '';
  let boundedByControl = false;
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    if ('control' in t) {
      boundedByControl = true;
      break;
    }
    if ('brk' in t) {
      if (back.trim()) break;
      continue;
    }
    back = t.text + back;
  }
  // The words right before a blank describe it: earlier clauses of the line (cut at ，；。) belong to
  // text or blanks before it.
  // A 是/否 question is the whole line, commas and all.
  const box = (el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio';
  const before = boundedByControl ? splitBetween(back)[1] : box ? back : lastClause(back);
  let forward = '';
  let forwardToControl = false;
  for (let i = at + 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if ('control' in t) {
      forwardToControl = true;
      break;
    }
    if ('brk' in t) {
      if (forward.trim()) break;
      continue;
    }
    forward += t.text;
  }
  const cut = SEPARATOR.exec(forward);
  const after = forwardToControl ? splitBetween(forward)[0] : cut ? forward.slice(0, cut.index) : forward;
  return { before: trimBefore(before), after: trimAfter(after) };
}

const labelText = (label: Element): string => clean(textOf(label));

/** label/for, a wrapping label, aria-labelledby, aria-label: the first that has text. */
export function explicitLabel(el: Control, cache: ContextCache): string {
  const labels: Element[] = el.id ? [...(labelsById(rootOf(el), cache).get(el.id) ?? [])] : [];
  const wrapping = el.closest('label');
  // A wrapping label names the control unless it points at another one.
  const forOther = wrapping?.getAttribute('for');
  if (wrapping && !labels.includes(wrapping) && (!forOther || forOther === el.id)) labels.push(wrapping);
  const fromLabels = clean(labels.map(labelText).join(' '));
  if (fromLabels) return fromLabels;
  return ariaName(el);
}

/** aria-labelledby (ids looked up in the element's own document or shadow root), else aria-label. */
function ariaName(el: Element): string {
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const root = rootOf(el);
    const t = clean(
      by
        .split(/\s+/)
        .map((id) => byId(root, id))
        .filter((x): x is Element => !!x)
        .map(labelText)
        .join(' '),
    );
    if (t) return t;
  }
  return clean(el.getAttribute('aria-label'));
}

/** Label of a 是/否 group: the radiogroup's aria-labelledby / aria-label, when the page gives one. */
export function groupLabel(el: Control): string {
  const group = el.closest('[role=radiogroup],[role=group]');
  return group ? ariaName(group) : '';
}

const MAX_LEADING = 80;

/**
 * The text right before the control outside its own cell, for layouts that put the label in a
 * neighbouring element without `for` (a preceding <td>, an Element-UI label column, a <dt>).
 * Stops at anything that holds another control, so it never borrows a neighbour's label. A cell that
 * holds only a unit (指标 | 单位 | 数量 tables) is looked past: the label is "指标（单位）".
 */
export function leadingText(el: Element): string {
  let unit = '';
  const label = (t: string) => {
    const text = t.length > MAX_LEADING ? t.slice(-MAX_LEADING) : t;
    return unit ? `${text}（${unit}）` : text;
  };
  let node: Element | null = containerOf(el);
  for (let depth = 0; node && depth < 5; depth++) {
    for (let sib: Node | null = node.previousSibling; sib; sib = sib.previousSibling) {
      let t = '';
      if (sib.nodeType === 3) t = sib.nodeValue ?? '';
      else if (isElement(sib)) {
        if (SILENT.has(tagOf(sib))) continue;
        if (isControl(sib) || sib.querySelector('input:not([type=hidden]),select,textarea')) return unit;
        t = textOf(sib);
      }
      t = clean(t);
      if (!t || saysNothing(t)) continue;
      if (!unit) {
        unit = unitOnly(t);
        if (unit) continue;
      }
      if (answerFormat(t)) continue;
      return label(t);
    }
    const parent: Element | null = node.parentElement;
    if (!parent || parent.localName === 'form' || parent.localName === 'body' || parent.localName === 'tr') {
      return unit;
    }
    node = parent;
  }
  return unit;
}

/** Legend of the nearest fieldset. */
export function legendOf(el: Control): string {
  const fs = el.closest('fieldset');
  const legend = fs?.querySelector(':scope > legend');
  return legend ? clean(textOf(legend)) : '';
}
