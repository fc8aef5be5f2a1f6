import type { DateRange } from '../stats/stats-index.ts';

/** 2020-06-08 → 6月8日 (the year is the campaign's and goes without saying). */
export function dayText(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** 2020-06-08 → 2020年6月8日, as a document is dated. */
export function fullDayText(iso: string): string {
  return `${iso.slice(0, 4)}年${dayText(iso)}`;
}

/** 6月8日—6月14日, 截至6月14日, 6月8日起; across years the years are written out. */
export function describeRange(range: DateRange): string {
  const { from, to } = range;
  const crossYear = from && to && from.slice(0, 4) !== to.slice(0, 4);
  const text = (iso: string) => (crossYear ? `${iso.slice(0, 4)}年${dayText(iso)}` : dayText(iso));
  if (from && to) return from === to ? text(from) : `${text(from)}—${text(to)}`;
  if (to) return `截至${text(to)}`;
  if (from) return `${text(from)}起`;
  return '全部日期';
}
