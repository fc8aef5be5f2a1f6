/** 2020-06-01 → 2020年6月1日, as the notices write dates. */
export function dayWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The campaign's dates in words: 2020年6月1日至6月30日 (the year once when both ends share it). */
export function campaignWords(c: { start: string; end: string }): string {
  const end = c.start.slice(0, 4) === c.end.slice(0, 4) ? dayWords(c.end).slice(5) : dayWords(c.end);
  return `${dayWords(c.start)}至${end}`;
}

/** Whether an activity's date (YYYY-MM-DD) lies outside the campaign; an empty or bad date is not judged here. */
export function outsideCampaign(date: string, c: { start: string; end: string }): boolean {
  return /^\d{4}-\d{2}-\d{2}$/u.test(date) && (date < c.start || date > c.end);
}

/**
 * The warning a person must answer before saving an activity dated outside the campaign: it still adds
 * to the statistics table, so a mistyped year (2019 for 2020) would reach the official figures.
 */
export function outsideCampaignWarning(date: string, c: { start: string; end: string }): string | undefined {
  if (!outsideCampaign(date, c)) return undefined;
  return `活动日期${dayWords(date)}不在本次活动期间（${campaignWords(c)}）。这项活动仍会计入统计表，请核对日期。`;
}

/**
 * Why a date lies outside the campaign, for the rows an import would take: 早于活动开始（6月1日） or
 * 晚于活动结束（6月30日） (with the year when the row's year is another, the likely mistyped year).
 */
export function outsideCampaignReason(date: string, c: { start: string; end: string }): string | undefined {
  if (!outsideCampaign(date, c)) return undefined;
  const words = (iso: string) =>
    iso.slice(0, 4) === date.slice(0, 4) ? dayWords(iso).slice(5) : dayWords(iso);
  return date < c.start ? `早于活动开始（${words(c.start)}）` : `晚于活动结束（${words(c.end)}）`;
}
