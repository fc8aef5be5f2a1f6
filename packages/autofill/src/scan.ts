// scan(document) → Field[]: every control the engine may fill, in document order, with its context.
import {
  aroundText,
  containerOf,
  explicitLabel,
  groupLabel,
  leadingText,
  legendOf,
  newContextCache,
  tokensFor,
} from './context.ts';
import { inputType, isControl, isInput, textOf } from './dom.ts';
import { fieldKey, type KeyCounts } from './field-key.ts';
import { cumulativeOf, periodOf } from './period.ts';
import { resetSkipCache, skipByType, skipReason } from './skip.ts';
import { buildGrid, type Grid, headersOf, PART_OF, wholeOf } from './table-grid.ts';
import { clean, headerUnit, leadingUnit, trailingUnit, unitOnly } from './text.ts';
import type { Control, Field, FieldKind } from './types.ts';
import { widgetOf } from './widget.ts';
import { yesNo } from './yes-no.ts';

export interface ScanOptions {
  /** Descend into same-origin iframes and frames (default true). */
  frames?: boolean;
  /** Treat every control as rendered. Only for a document without layout (the engine's warm-up). */
  assumeVisible?: boolean;
}

export interface SkippedControl {
  control: Control;
  framePath: string;
  reason: string;
}

export interface ScanResult {
  fields: Field[];
  skipped: SkippedControl[];
}

const kindOf = (el: Control): FieldKind => {
  const widget = widgetOf(el);
  if (widget) return widget === 'date' ? 'date' : 'select';
  const type = inputType(el);
  if (type === 'select-one' || type === 'select-multiple') return 'select';
  if (type === 'textarea') return 'textarea';
  if (type === 'checkbox' || type === 'radio') return 'choice';
  if (type === 'number') return 'number';
  if (type === 'date' || type === 'datetime-local' || type === 'month' || type === 'week') return 'date';
  if (type === 'tel') return 'tel';
  if (type === 'email') return 'email';
  return 'text';
};

const frameName = (frame: Element, index: number): string => {
  const name = frame.getAttribute('name') || frame.id;
  if (name) return name;
  const src = frame.getAttribute('src') ?? '';
  const last = src.split(/[?#]/)[0]?.split('/').pop();
  return last || `#${index}`;
};

const GENERIC_PLACEHOLDER = /^(请输入|请填写|请选择|输入|选择|填写)?(内容|数字|数值|文本)?$|^yyyy|^\s*$/i;

/**
 * The heading level a paragraph stands for when it is one (2 for 一、…, 3 for （一）…), else 0: numbered,
 * bold all through (b/strong), no control, short.
 */
function boldHeading(p: Element): number {
  const first = p.firstElementChild;
  if (!first || p.querySelector('input,select,textarea')) return 0;
  const text = clean(p.textContent);
  const level = /^[一二三四五六七八九十]+\s*、/.test(text)
    ? 2
    : /^[(（][一二三四五六七八九十]+[)）]/.test(text)
      ? 3
      : 0;
  if (!level || text.length > 80) return 0;
  const bold = p.querySelectorAll('b,strong');
  let inBold = 0;
  for (const b of Array.from(bold))
    if (!b.parentElement?.closest('b,strong')) inBold += clean(b.textContent).length;
  return inBold >= text.replace(/\s/g, '').length ? level : 0;
}

/** Scans a document, its same-origin frames and open shadow roots; skipped controls are reported apart. */
export function scanAll(doc: Document, options: ScanOptions = {}): ScanResult {
  const fields: Field[] = [];
  const skipped: SkippedControl[] = [];
  const ctx = newContextCache();
  const grids = new Map<Element, Grid>();
  const withControls = new Map<Element, boolean>();
  const keys: KeyCounts = new Map();
  // The headings the control sits under, outermost first (h3 group, h4 item …).
  const headings: string[] = [];
  let heading = '';
  const byControl = new Map<Control, Field>();
  let order = 0;

  const consider = (el: Control, framePath: string, shadow: boolean) => {
    const type = inputType(el);
    const early = skipByType(el);
    if (early) {
      skipped.push({ control: el, framePath, reason: early });
      return;
    }
    const label = explicitLabel(el, ctx);
    let { before, after } = aroundText(el, ctx);
    const firstInCell = isFirstInContainer(el);
    // A radio's or checkbox's own label is its option (是/否), not the question.
    const box = type === 'checkbox' || type === 'radio';
    // A kit's label drawn around a box with its 是/否 before it (circle, 是, box): those words are the
    // option, not the question; the question is before the label.
    const option = box ? ownOption(el) : '';
    if (option && before.endsWith(option)) before = before.slice(0, -option.length).trim();
    const first = firstInCell || (!!option && !before && isFirstControl(el));
    let leading = (!label || box) && !before ? (first ? leadingText(el) : continuedPhrase(el)) : '';
    // A web component's control with no words of its own inside its shadow root is asked by the page
    // around the component: the words slotted into it, or the cell or text before it.
    const host = shadow && (!label || box) && !before && !leading ? questionHost(el) : null;
    if (host) ({ before, leading } = host);
    const anchor: Element = host?.host ?? el;
    let rowHeaders: string[] = [];
    let colHeaders: string[] = [];
    let section = '';
    let nextCell = '';
    const cell = anchor.closest('td,th') as HTMLTableCellElement | null;
    const table = cell?.closest('table');
    if (cell && table) {
      let grid = grids.get(table);
      if (!grid) {
        grid = buildGrid(table as HTMLTableElement);
        grids.set(table, grid);
      }
      ({ row: rowHeaders, col: colHeaders, section, next: nextCell } = headersOf(cell, grid, withControls));
    }
    const reason = skipReason(el, label || before || leading, {
      rowHeaders,
      colHeaders,
      assumeVisible: options.assumeVisible,
    });
    if (reason) {
      skipped.push({ control: el, framePath, reason });
      return;
    }
    const placeholder = clean(el.getAttribute('placeholder'));
    const field: Field = {
      control: el,
      key: fieldKey(el, framePath, keys),
      kind: kindOf(el),
      type,
      framePath,
      shadow,
      order: order++,
      label,
      // "请输入联系人" names the field 联系人; a bare "请输入" names nothing.
      placeholder: GENERIC_PLACEHOLDER.test(placeholder)
        ? ''
        : placeholder.replace(/^(请输入|请填写|请选择|输入|填写)/, ''),
      title: clean(el.getAttribute('title')),
      before,
      after,
      leading,
      unit:
        leadingUnit(after) ||
        trailingUnit(label) ||
        trailingUnit(before) ||
        headerUnit(colHeaders[colHeaders.length - 1] ?? '') ||
        // The control's own words before text found outside it (leading may be a row further up).
        trailingUnit(placeholder) ||
        trailingUnit(clean(el.getAttribute('title'))) ||
        trailingUnit(leading) ||
        unitCell(rowHeaders) ||
        unitOnly(nextCell).normalize('NFKC').trim(),
      rowHeaders,
      colHeaders,
      section,
      legend: legendOf(el),
      heading,
    };
    const widget = widgetOf(el);
    if (widget) field.widget = widget;
    if (type === 'checkbox' || type === 'radio') {
      // layui and similar kits name the option in title; a 事项 | 是 | 否 table in its column header;
      // value 是/1 as a last resort.
      const header = colHeaders[colHeaders.length - 1] ?? '';
      field.option =
        label ||
        after ||
        clean(el.getAttribute('title')) ||
        (yesNo(header) ? header : '') ||
        (el as HTMLInputElement).value;
      field.choice = yesNo(field.option);
    }
    if (cell && table && !label && !before && PART_OF.test(leading)) {
      const whole = wholeOf(cell, grids.get(table) as Grid, unitOnly);
      if (whole) field.partOf = whole;
    }
    const period = periodOf(label || before || leading, colHeaders);
    if (period) field.period = period;
    else {
      const cumulative = cumulativeOf(label || before || leading, colHeaders);
      if (cumulative) field.cumulative = cumulative;
    }
    fields.push(field);
    byControl.set(el, field);
  };

  /**
   * "组织观看（ ）场（ ）人次": a blank with no words of its own continues the phrase of the blank before
   * it in the same sentence, as the template's slot phrases do.
   */
  function continuedPhrase(el: Control): string {
    const hit = tokensFor(el, ctx);
    if (!hit) return '';
    for (let i = hit.at - 1; i >= 0; i--) {
      const t = hit.tokens[i];
      if (!t || 'brk' in t) return '';
      if ('control' in t) {
        const prev = byControl.get(t.control);
        return prev ? prev.before || prev.leading : '';
      }
    }
    return '';
  }

  const visit = (root: Document | ShadowRoot, framePath: string, shadow: boolean) => {
    const all = root.querySelectorAll('*');
    let frameIndex = 0;
    for (let i = 0; i < all.length; i++) {
      const el = all[i] as Element;
      const tag = el.localName;
      if (tag.length === 2 && tag[0] === 'h' && tag[1] !== 'r') {
        if (/^h[1-6]$/.test(tag)) {
          const level = Number(tag[1]);
          headings[level - 1] = clean(textOf(el)).slice(0, 80);
          headings.length = level;
          heading = headings.filter(Boolean).join(' ');
        }
      } else if (tag === 'p' && boldHeading(el)) {
        // A notice pasted from Word has its headings as bold paragraphs: 二、安全生产兴安行活动.
        headings[boldHeading(el) - 1] = clean(textOf(el)).slice(0, 80);
        headings.length = boldHeading(el);
        heading = headings.filter(Boolean).join(' ');
      } else if (isControl(el)) {
        consider(el, framePath, shadow);
      } else if ((tag === 'iframe' || tag === 'frame') && options.frames !== false) {
        const name = frameName(el, frameIndex++);
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null; // cross-origin: not ours to read
        }
        if (inner?.documentElement) visit(inner, framePath ? `${framePath}>${name}` : name, false);
      }
      const sr = (el as HTMLElement).shadowRoot;
      if (sr) visit(sr, framePath, true);
    }
  };

  resetSkipCache();
  visit(doc, '', false);
  groupChoices(fields, ctx);
  return { fields, skipped };

  function isFirstControl(el: Control): boolean {
    const hit = tokensFor(el, ctx);
    return !hit?.tokens.slice(0, hit.at).some((t) => 'control' in t);
  }

  function isFirstInContainer(el: Control): boolean {
    const hit = tokensFor(el, ctx);
    if (!hit) return true;
    const { tokens, at } = hit;
    for (let i = 0; i < at; i++) {
      const t = tokens[i];
      if (t && !('brk' in t)) return false;
    }
    return true;
  }
}

/** A row's last header cell when it holds nothing but a unit (指标 | 单位 | 本周 | 累计 tables). */
const unitCell = (rowHeaders: readonly string[]): string =>
  unitOnly(rowHeaders[rowHeaders.length - 1] ?? '')
    .normalize('NFKC')
    .trim();

/** Scans a document; see scanAll. */
export const scan = (doc: Document, options: ScanOptions = {}): Field[] => scanAll(doc, options).fields;

/**
 * Radios by name, and 是/否 checkboxes side by side (same name, or adjacent in one line), become one
 * group sharing the question: the first option's before-text, the group's aria label or the legend.
 */
function groupChoices(fields: Field[], ctx: ReturnType<typeof newContextCache>) {
  let current: Field[] = [];
  let n = 0;
  const close = () => {
    if (!current.length) return;
    const first = current[0] as Field;
    const id = `g${n++}:${first.key}`;
    const question = groupLabel(first.control) || (first.label !== first.option ? first.label : '');
    for (const f of current) {
      f.group = id;
      f.label = question;
      f.before = first.before;
      f.leading = first.leading;
      if (current.length === 1 && !f.choice && f.type === 'checkbox') f.choice = 'yes';
    }
    current = [];
  };
  const radios = new Map<string, Field[]>();
  for (const f of fields) {
    if (f.type !== 'radio') continue;
    const name = (f.control as HTMLInputElement).name;
    // Radios share a name only within their document or shadow root: each web component that draws
    // 是/否 radios named alike is its own question.
    const key = name ? `${f.key.slice(0, f.key.lastIndexOf('|'))}|${name}` : f.key;
    radios.set(key, [...(radios.get(key) ?? []), f]);
  }
  for (const list of radios.values()) {
    current = list;
    close();
  }
  let lastLine = '';
  for (const f of fields) {
    if (f.type !== 'checkbox') {
      continue;
    }
    const hit = tokensFor(f.control, ctx);
    const line = hit ? lineOf(containerOf(f.control), hit.tokens, hit.at) : f.key;
    const prev = current[current.length - 1];
    const sameName =
      prev &&
      isInput(prev.control) &&
      prev.control.name &&
      prev.control.name === (f.control as HTMLInputElement).name;
    const pair = prev && f.choice && prev.choice && !current.some((c) => c.choice === f.choice);
    if (!(prev && line === lastLine && (sameName || pair))) close();
    current.push(f);
    lastLine = line;
  }
  close();
}

const lineIds = new WeakMap<Element, number>();
let nextLine = 0;
/** An id for the line (run of tokens between breaks) a control sits in. */
function lineOf(container: Element, tokens: readonly object[], at: number): string {
  let id = lineIds.get(container);
  if (id === undefined) {
    id = nextLine++;
    lineIds.set(container, id);
  }
  let brk = 0;
  for (let i = 0; i < at; i++) if (tokens[i] && 'brk' in (tokens[i] as object)) brk++;
  return `${id}:${brk}`;
}

/**
 * The question for a control inside open shadow roots that has no words there: text slotted into a
 * host (light-DOM children), else the text before the host in the page (its cell's neighbours).
 * Climbs through nested shadow roots.
 */
function questionHost(el: Control): { host: Element; before: string; leading: string } | null {
  let root = el.getRootNode() as Document | ShadowRoot;
  for (let depth = 0; depth < 4 && root.nodeType === 11; depth++) {
    const host = (root as ShadowRoot).host;
    const slotted = clean(textOf(host));
    if (slotted) return { host, before: slotted, leading: '' };
    const leading = leadingText(host);
    if (leading) return { host, before: '', leading };
    root = host.getRootNode() as Document | ShadowRoot;
  }
  return null;
}

/** The words of the label wrapped around a box when they are only its 是/否 option. */
function ownOption(el: Control): string {
  const wrap = el.closest('label');
  const words = wrap ? clean(textOf(wrap)) : '';
  return words && yesNo(words) ? words : '';
}
