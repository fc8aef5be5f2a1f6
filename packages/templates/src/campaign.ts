import { sentences } from './deadlines.ts';
import type { CampaignDates } from './template.ts';

// 6月1日至6月30日, 2020年6月1日—30日, 6月1日至12月31日.
const RANGE =
  /(?:(?<y1>\d{4})年)?(?<m1>\d{1,2})月(?<d1>\d{1,2})[日号]\s*(?:至|到|—+|－|-|~|～)\s*(?:(?<y2>\d{4})年)?(?:(?<m2>\d{1,2})月)?(?<d2>\d{1,2})[日号]/u;
// The clause must name the campaign itself: 活动时间, “安全生产月”, “安全生产南粤行”; a date range of some
// other action in the notice (从6月5日至7月5日开展综合整治行动) is not the campaign.
const NAMES_CAMPAIGN = /活动时间|活动期间|安全生产月|“安全生产[^”]{1,6}行”/u;
const SUBMIT = /报送|上报|提交|前报/u;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When the notice's activities run, e.g. `“安全生产月”活动时间为6月1日至6月30日`; a notice with a longer
 * companion campaign (`“安全生产南粤行”活动：6月1日至12月31日`) runs until the later end. Undefined when the
 * notice does not say.
 */
export function extractCampaign(noticeText: string, year: number): CampaignDates | undefined {
  let start = '';
  let end = '';
  const sources: string[] = [];
  for (const sentence of sentences(noticeText)) {
    for (const clause of sentence.split(/[，,；;]/u)) {
      const m = RANGE.exec(clause);
      if (!m?.groups || !NAMES_CAMPAIGN.test(clause) || SUBMIT.test(clause)) continue;
      const g = m.groups;
      const y1 = g.y1 ? Number(g.y1) : year;
      const m1 = Number(g.m1);
      const y2 = g.y2 ? Number(g.y2) : y1;
      const m2 = g.m2 ? Number(g.m2) : m1;
      const from = `${y1}-${pad(m1)}-${pad(Number(g.d1))}`;
      const to = `${y2}-${pad(m2)}-${pad(Number(g.d2))}`;
      if (!valid(from) || !valid(to) || to < from) continue;
      if (!start || from < start) start = from;
      if (!end || to > end) end = to;
      sources.push(clause.trim());
    }
  }
  return start ? { start, end, source: sources.join('；') } : undefined;
}

function valid(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
