// fill(matches, values) → FillReport: writes confident matches into empty (or previously autofilled)
// controls like a person would, and remembers what was there so undo() can put it back.
import { isBlank, isPlaceholderOption, selectIsEmpty, shownText, stateOf } from './control-state.ts';
import { formatFor } from './format-value.ts';
import { valueKey } from './period.ts';
import { pickDate } from './pick-date.ts';
import { pickOption } from './pick-option.ts';
import { setChecked, setValue } from './set-value.ts';
import { normalize } from './text.ts';
import type { Control, FillEntry, FillOptions, FillReport, FillSkip, FillValue, Match } from './types.ts';
import { rememberDoubt, shownChoice, widgetDoubt } from './widget.ts';
import { yesNo } from './yes-no.ts';

/** What the engine last wrote into each control; lets a second fill replace its own values only. */
const autofilled = new WeakMap<Control, string>();

type Values = ReadonlyMap<string, FillValue> | Readonly<Record<string, FillValue>>;
const valueFor = (values: Values, id: string): FillValue | undefined =>
  values instanceof Map ? values.get(id) : (values as Record<string, FillValue>)[id];

const asBoolean = (v: FillValue): boolean | undefined =>
  typeof v === 'boolean'
    ? v
    : yesNo(String(v)) === 'yes'
      ? true
      : yesNo(String(v)) === 'no'
        ? false
        : undefined;

/**
 * Drawn widgets are opened one at a time, page-wide (two open dropdowns confuse a kit), and a control
 * being worked on is left alone by a fill that starts meanwhile (the watcher refills on every change).
 */
let widgetQueue: Promise<void> = Promise.resolve();
const busy = new WeakSet<Control>();

/** What a drawn widget shows: the combobox's choice, or the date picker's text. */
const widgetState = (el: Control, widget: 'listbox' | 'date'): string =>
  widget === 'listbox' ? shownChoice(el) : el.value;

interface Restore {
  el: Control;
  value?: string;
  checked?: boolean;
  /** A drawn widget: put back by its own clear button when it had nothing before. */
  widget?: 'listbox' | 'date';
}

/**
 * Option of a select for a value: 是/否 for booleans, else same text or same value, else the only option
 * that contains it; 'ambiguous' when several do.
 */
function optionFor(el: HTMLSelectElement, v: FillValue): HTMLOptionElement | 'ambiguous' | undefined {
  const opts = Array.from(el.options);
  const b = typeof v === 'boolean' ? v : undefined;
  if (b !== undefined) {
    const want = b ? 'yes' : 'no';
    return opts.find((o) => yesNo(o.text) === want) ?? opts.find((o) => yesNo(o.value) === want);
  }
  const n = normalize(String(v));
  const exact = opts.find((o) => normalize(o.text) === n) ?? opts.find((o) => normalize(o.value) === n);
  if (exact || !n) return exact;
  // '男' for '男性', '应急管理局' for '大兴安岭地区应急管理局': only when exactly one option fits.
  const near = opts.filter((o) => {
    const t = normalize(o.text);
    return t && !isPlaceholderOption(o.text) && (t.includes(n) || n.includes(t));
  });
  return near.length === 1 ? near[0] : near.length > 1 ? 'ambiguous' : undefined;
}

const ambiguity = (v: FillValue) => `下拉框中不止一个选项与「${String(v)}」相符，请自己选择`;

export function fill(matches: readonly Match[], values: Values, options: FillOptions = {}): FillReport {
  const confirmed = new Set(options.confirmed ?? []);
  const filled: FillEntry[] = [];
  const skipped: FillSkip[] = [];
  const restore: Restore[] = [];
  const groups = new Map<string, Match[]>();
  const singles: Match[] = [];
  for (const m of matches) {
    if (m.field.group) groups.set(m.field.group, [...(groups.get(m.field.group) ?? []), m]);
    else singles.push(m);
  }

  const allowed = (m: Match): FillValue | undefined => {
    const skip = (reason: string) => {
      skipped.push({ key: m.field.key, slotId: m.slotId, reason });
      return undefined;
    };
    if (!m.slotId || m.status === 'unmatched') return skip('unmatched');
    if (m.status === 'unsure' && !confirmed.has(m.field.key)) return skip('unsure');
    const v = valueFor(values, valueKey(m.slotId, m.measure));
    if (v === undefined || v === null || v === '') return skip('no value');
    return v;
  };

  const replace = new Set(options.replace ?? []);
  const mayReplace = (m: Match) => options.overwrite || replace.has(m.field.key);

  const widgets: { m: Match; v: FillValue }[] = [];
  for (const m of singles) {
    const v = allowed(m);
    if (v === undefined) continue;
    if (m.field.widget) {
      widgets.push({ m, v });
      continue;
    }
    const el = m.field.control;
    const previous = el.value;
    const mine = autofilled.get(el) === previous;
    const empty = el.localName === 'select' ? selectIsEmpty(el as HTMLSelectElement) : isBlank(el, previous);
    let next: string;
    let wanted: string;
    if (el.localName === 'select') {
      const opt = optionFor(el as HTMLSelectElement, v);
      if (opt === 'ambiguous') {
        rememberDoubt(el, ambiguity(v));
        skipped.push({ key: m.field.key, slotId: m.slotId, reason: 'ambiguous' });
        continue;
      }
      if (!opt) {
        skipped.push({ key: m.field.key, slotId: m.slotId, reason: 'no option' });
        continue;
      }
      next = opt.value;
      wanted = opt.text.trim();
    } else wanted = next = formatFor(el, v);
    // Someone's answer that differs from the log's: reported with both, replaced only when asked.
    if (!empty && !mine && next !== previous && !mayReplace(m)) {
      skipped.push({
        key: m.field.key,
        slotId: m.slotId,
        reason: 'not empty',
        current: shownText(el),
        wanted,
      });
      continue;
    }
    if (next === previous) {
      // Already what the log says. A person's own answer stays theirs: a later fill will not replace it.
      if (empty || mine) autofilled.set(el, next);
      continue;
    }
    restore.push({ el, value: previous });
    setValue(el, next, options.focus);
    autofilled.set(el, el.value);
    filled.push({ key: m.field.key, slotId: m.slotId as string, previous, value: el.value });
  }

  for (const members of groups.values()) {
    const head = members[0] as Match;
    const v = allowed(head);
    if (v === undefined) {
      for (const m of members.slice(1))
        skipped.push({ key: m.field.key, slotId: m.slotId, reason: 'see group' });
      continue;
    }
    const boxes = members.map((m) => m.field.control as HTMLInputElement);
    const mine = boxes.every((b) => autofilled.get(b) === stateOf(b));
    const empty = boxes.every((b) => !b.checked);
    const b = asBoolean(v);
    let want: (m: Match) => boolean;
    if (b !== undefined && members.some((m) => m.field.choice)) {
      want = (m) => (m.field.choice === 'yes' ? b : m.field.choice === 'no' ? !b : false);
    } else {
      const n = normalize(String(v));
      const hit = members.find((m) => normalize(m.field.option ?? '') === n);
      if (!hit) {
        skipped.push({ key: head.field.key, slotId: head.slotId, reason: 'no option' });
        continue;
      }
      want = (m) => m === hit;
    }
    const checked = (x: Match) => (x.field.control as HTMLInputElement).checked;
    if (!empty && !mine) {
      // Someone's answer: left alone when it is the log's, reported with both when it is not.
      if (members.every((m) => checked(m) === want(m))) continue;
      if (!mayReplace(head)) {
        const said = (x: Match) =>
          x.field.option || (x.field.choice === 'yes' ? '是' : x.field.choice === 'no' ? '否' : '');
        skipped.push({
          key: head.field.key,
          slotId: head.slotId,
          reason: 'not empty',
          current: members.filter(checked).map(said).join('、'),
          wanted: members.filter(want).map(said).join('、'),
        });
        continue;
      }
    }
    // Uncheck first so a page that allows one answer never sees both.
    const order = [...members].sort((x, y) => Number(want(x)) - Number(want(y)));
    for (const m of order) {
      const el = m.field.control as HTMLInputElement;
      const target = want(m);
      if (el.checked !== target) {
        restore.push({ el, checked: el.checked });
        const previous = stateOf(el);
        setChecked(el, target, options.focus);
        filled.push({ key: m.field.key, slotId: m.slotId as string, previous, value: stateOf(el) });
      }
    }
    for (const el of boxes) autofilled.set(el, stateOf(el));
  }

  let done = Promise.resolve();
  for (const { m, v } of widgets) {
    const el = m.field.control;
    const widget = m.field.widget as 'listbox' | 'date';
    const skip = (reason: string) => skipped.push({ key: m.field.key, slotId: m.slotId, reason });
    if (busy.has(el)) {
      skip('busy');
      continue;
    }
    const previous = widgetState(el, widget);
    if (previous.trim() && autofilled.get(el) !== previous && !mayReplace(m)) {
      // Someone's choice: the same as the log's is no difference; another is reported with both.
      if (previous.trim() !== String(v).trim())
        skipped.push({
          key: m.field.key,
          slotId: m.slotId,
          reason: 'not empty',
          current: previous,
          wanted: String(v),
        });
      continue;
    }
    if (widgetDoubt(el)) {
      skip('ambiguous');
      continue;
    }
    if (previous.trim() && autofilled.get(el) === previous) continue; // ours already
    busy.add(el);
    const job = async () => {
      try {
        const r = widget === 'listbox' ? await pickOption(el, v) : await pickDate(el, String(v));
        if (r.ok) {
          const now = widgetState(el, widget);
          autofilled.set(el, now);
          restore.push({ el, value: previous, widget });
          filled.push({ key: m.field.key, slotId: m.slotId as string, previous, value: now });
        } else {
          if (r.reason === 'ambiguous') rememberDoubt(el, ambiguity(v));
          skip(r.reason);
        }
      } catch {
        skip('rejected');
      } finally {
        busy.delete(el);
      }
    };
    widgetQueue = widgetQueue.then(job, job);
    done = widgetQueue;
  }

  return {
    filled,
    skipped,
    done,
    undo() {
      for (const u of [...restore].reverse()) {
        if (u.widget) clearWidget(u.el, u.value ?? '');
        else if (u.checked !== undefined) setChecked(u.el as HTMLInputElement, u.checked, options.focus);
        else if (u.value !== undefined) setValue(u.el, u.value, options.focus);
        autofilled.delete(u.el);
      }
      restore.length = 0;
    },
  };
}

/**
 * Undo for a drawn widget that was empty: its kit's clear button (el-select/el-date-picker clearable,
 * antd allowClear), or for laydate an emptied input. A widget that had a choice before is left as it is.
 */
function clearWidget(el: Control, previous: string): void {
  if (previous.trim()) return;
  const box = el.closest('.el-select, .el-date-editor, .ant-select, .ant-picker');
  const clear = box?.querySelector(
    '.el-select__clear, .el-input__clear, .ant-select-clear, .ant-picker-clear',
  );
  if (clear) {
    for (const type of ['mousedown', 'mouseup', 'click'])
      clear.dispatchEvent(
        new (el.ownerDocument.defaultView?.MouseEvent ?? MouseEvent)(type, { bubbles: true }),
      );
  } else if (el.hasAttribute('lay-key')) setValue(el, '');
}
