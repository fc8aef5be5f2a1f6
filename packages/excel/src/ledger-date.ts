const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null; // 2月30日
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day count: 1899-12-30 is day 0 (keeping Excel's 1900 leap-year bug consistent). */
function fromSerial(serial: number): string | null {
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export type DateParse = { ok: true; date: string } | { ok: false; reason: 'bad-date' | 'date-without-year' };

/**
 * A ledger's date cell as YYYY-MM-DD. Hand-kept ledgers write dates every which way: real date cells,
 * serial numbers, 2020-6-1, 2020/6/1, 2020.6.1, 2020年6月1日, 20200601, or 6月1日 with the year implied
 * (taken from `year` when given). A range such as 6月1日-3日 counts as its first day.
 */
export function parseLedgerDate(value: unknown, year?: number): DateParse {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'bad-date' };
    const d = ymd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return d ? { ok: true, date: d } : { ok: false, reason: 'bad-date' };
  }
  if (typeof value === 'number') {
    const d = value > 20_000 && value < 80_000 ? fromSerial(value) : null;
    return d ? { ok: true, date: d } : { ok: false, reason: 'bad-date' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'bad-date' };
  // Full-width digits and marks (２０２０．６．３, ２０２０／６／３) as their ASCII twins, as numbers are read.
  const s = value.normalize('NFKC').trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(s);
  if (m) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { ok: true, date: d } : { ok: false, reason: 'bad-date' };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { ok: true, date: d } : { ok: false, reason: 'bad-date' };
  }
  m = /^(\d{1,2})[-/.月](\d{1,2})(日|号|$|[-~～至—])/.exec(s);
  if (m) {
    if (year === undefined) return { ok: false, reason: 'date-without-year' };
    const d = ymd(year, Number(m[1]), Number(m[2]));
    return d ? { ok: true, date: d } : { ok: false, reason: 'bad-date' };
  }
  return { ok: false, reason: 'bad-date' };
}
