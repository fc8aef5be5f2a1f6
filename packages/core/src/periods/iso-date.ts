// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so a period never shifts with the time zone or
// a daylight-saving change: a log's 日期 is a calendar day, not an instant.

const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

const fromUtc = (ms: number) => {
  const d = new Date(ms);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

export function addDays(iso: string, days: number): string {
  return fromUtc(utc(iso) + days * DAY);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(iso: string): number {
  const d = new Date(utc(iso)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day of another month, clipped to that month's length (31 → 30 in June). */
export function dayInMonth(year: number, month: number, day: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return isoOf(y, m, Math.min(day, lastDayOfMonth(y, m)));
}

/** Today as the person's calendar shows it (local time), for "the current period". */
export function localToday(now = new Date()): string {
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
