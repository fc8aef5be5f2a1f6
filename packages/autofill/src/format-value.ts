// The string a control should receive for a template value, given what the control accepts.
import type { Control, FillValue } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD from 2020-6-1, 2020/06/01, 2020年6月1日 or a Date-parsable string; '' when not a date. */
export function isoDate(v: FillValue): string {
  const s = String(v).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(s);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return '';
}

export function formatFor(el: Control, v: FillValue): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  const type = el.localName === 'input' ? (el as HTMLInputElement).type : '';
  if (type === 'date' || type === 'datetime-local' || type === 'month') {
    const d = isoDate(v);
    if (!d) return String(v);
    return type === 'date' ? d : type === 'month' ? d.slice(0, 7) : `${d}T00:00`;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v;
}
