// Setting a kit's date picker the way it accepts a date from a person: open its panel, step to the month
// with its own prev/next buttons, click the day, and read back what the input shows. Works for readonly
// inputs (el-date-picker :editable="false", laydate on a readonly box) and for any display format
// (YYYY-MM-DD, YYYY年MM月DD日 …), since the kit writes the text itself.
import { isShown } from './dom.ts';
import { isoDate } from './format-value.ts';
import { type PickResult, press, until } from './pick-option.ts';
import type { Control } from './types.ts';

interface Panel {
  root: Element;
  /** The year and month (1-12) the panel shows, or null when it cannot be read. */
  month(): [number, number] | null;
  /** The clickable cell of a day of the month shown. */
  day(y: number, m: number, d: number): Element | null;
  /** Buttons: prev year, prev month, next month, next year. */
  step(which: 'py' | 'pm' | 'nm' | 'ny'): Element | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** 12, 12 月, 十二月 is not used by the kits; December, Dec. */
function monthOf(text: string): number | null {
  const n = /(\d{1,2})\s*月?/.exec(text);
  if (n) return Number(n[1]);
  const i = MONTHS.indexOf(text.trim().slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : null;
}
const ymOf = (s: string | null): [number, number] | null => {
  const m = /^(\d{4})-(\d{1,2})/.exec(s ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
};

function elementPanel(root: Element): Panel {
  return {
    root,
    month() {
      const labels = Array.from(root.querySelectorAll('.el-date-picker__header-label')).map(
        (l) => l.textContent ?? '',
      );
      const y = /\d{4}/.exec(labels.join(' '))?.[0];
      const m = labels.map((l) => (/\d{4}/.test(l) ? null : monthOf(l))).find((x) => x);
      return y && m ? [Number(y), m] : null;
    },
    day(y, m, d) {
      const shown = this.month();
      if (!shown || shown[0] !== y || shown[1] !== m) return null;
      return (
        Array.from(root.querySelectorAll('.el-date-table td')).find(
          (td) =>
            !td.matches('.prev-month, .next-month, .disabled, [aria-disabled=true]') &&
            (td.textContent ?? '').trim() === String(d),
        ) ?? null
      );
    },
    step: (w) =>
      root.querySelector(
        { py: '.d-arrow-left', pm: '.arrow-left', nm: '.arrow-right', ny: '.d-arrow-right' }[w],
      ),
  };
}

function antdPanel(root: Element): Panel {
  return {
    root,
    month: () => ymOf(root.querySelector('td.ant-picker-cell-in-view')?.getAttribute('title') ?? null),
    day: (y, m, d) =>
      root.querySelector(
        `td.ant-picker-cell-in-view[title="${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}"]:not(.ant-picker-cell-disabled)`,
      ),
    step: (w) =>
      root.querySelector(
        {
          py: '.ant-picker-header-super-prev-btn',
          pm: '.ant-picker-header-prev-btn',
          nm: '.ant-picker-header-next-btn',
          ny: '.ant-picker-header-super-next-btn',
        }[w],
      ),
  };
}

function laydatePanel(root: Element): Panel {
  const inMonth = 'td[lay-ymd]:not(.laydate-day-prev):not(.laydate-day-next)';
  return {
    root,
    month: () => ymOf(root.querySelector(inMonth)?.getAttribute('lay-ymd') ?? null),
    day: (y, m, d) => root.querySelector(`td[lay-ymd="${y}-${m}-${d}"]:not(.laydate-disabled)`),
    step: (w) =>
      root.querySelector(
        { py: '.laydate-prev-y', pm: '.laydate-prev-m', nm: '.laydate-next-m', ny: '.laydate-next-y' }[w],
      ),
  };
}

/** The open panel of this date input, by kit. */
function panelOf(el: Control): Panel | null {
  const doc = el.ownerDocument;
  const key = el.getAttribute('lay-key');
  if (key !== null) {
    const root = doc.getElementById(`layui-laydate${key}`);
    return root && isShown(root) ? laydatePanel(root) : null;
  }
  if (el.closest('.el-date-editor')) {
    const id = el.getAttribute('aria-controls');
    const root = id ? doc.getElementById(id) : null;
    return root && isShown(root) && root.querySelector('.el-date-table') ? elementPanel(root) : null;
  }
  if (el.closest('.ant-picker')) {
    const open = Array.from(
      doc.querySelectorAll('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)'),
    ).filter((d) => isShown(d) && d.querySelector('td.ant-picker-cell-in-view'));
    return open.length === 1 ? antdPanel(open[0] as Element) : null;
  }
  return null;
}

function close(el: Control): void {
  const view = el.ownerDocument.defaultView;
  const Key = view?.KeyboardEvent ?? KeyboardEvent;
  el.dispatchEvent(new Key('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true }));
}

/** Sets a kit date picker to `value` (any date the template holds) through its panel. */
export async function pickDate(el: Control, value: string): Promise<PickResult> {
  const iso = isoDate(value);
  if (!iso) return { ok: false, reason: 'no option' };
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  try {
    (el as HTMLElement).focus({ preventScroll: true }); // laydate opens on focus
  } catch {
    // a detached or unfocusable input: the click below is the other way in
  }
  let panel = panelOf(el);
  if (!panel) {
    press(el);
    panel = await until(el, () => panelOf(el));
  }
  if (!panel) return { ok: false, reason: 'no option' };
  for (let steps = 0; steps < 400; steps++) {
    const cell = panel.day(y, m, d);
    if (cell) {
      press(cell);
      break;
    }
    const shown = panel.month();
    if (!shown) break;
    const diff = (y - shown[0]) * 12 + (m - shown[1]);
    if (diff === 0) break; // the day is not there (disabled): nothing to click
    const button = panel.step(Math.abs(diff) >= 12 ? (diff < 0 ? 'py' : 'ny') : diff < 0 ? 'pm' : 'nm');
    if (!button) break;
    press(button);
    // The kit redraws on its next tick: wait for the new month before reading it again.
    const was = shown.join('-');
    await until(el, () => (panel?.month()?.join('-') !== was ? true : null), 2000);
  }
  const ok = await until(el, () => (isoDate(el.value) === iso ? true : null), 3000);
  if (panelOf(el)) close(el);
  // Leave the focus where it was before: the input was only focused to open the panel.
  if (el.ownerDocument.activeElement === el) (el as HTMLElement).blur();
  else
    el.dispatchEvent(
      new (el.ownerDocument.defaultView?.FocusEvent ?? FocusEvent)('blur', { composed: true }),
    );
  return ok ? { ok: true, text: el.value } : { ok: false, reason: 'rejected' };
}
