import { extractCampaign } from './campaign.ts';
import type { CampaignDates } from './template.ts';
import { normalizeInline } from './text-normalize.ts';

export interface NoticeInfo {
  /** 关于印发…的通知, or the plan's own title when the file is the 方案 alone. */
  title: string;
  /** 大兴安岭地区行政公署安全生产委员会办公室 */
  issuer?: string;
  /** 大安办发〔2020〕26号 */
  documentNumber?: string;
  /** Absent when the notice does not say (the campaign is then June of its year). */
  campaign?: CampaignDates;
}

const DOC_NUMBER = /^[\u4E00-\u9FFF]{1,12}\s*[〔[［(（]\s*(\d{4})\s*[〕\]］)）]\s*\d{1,4}\s*号$/u;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(印发)?$/u;
const ATTACHMENT = /^附件\s*[0-9０-９一二三四五六七八九十]*\s*([:：、.．]|$)/u;
const HEAD_LINES = 15;

/** Title, issuing office, document number and the campaign's dates of a notice (its text, top to bottom). */
export function extractNoticeInfo(text: string, year: number): NoticeInfo {
  const lines = text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000]+/gu, ' ').trim())
    .filter((l) => l !== '');
  const head = lines.slice(0, HEAD_LINES);
  const documentNumber = head
    .map((l) => l.replace(/\s+/gu, ''))
    .find((l) => DOC_NUMBER.test(l) && !/^(附件|抄送|抄报)/u.test(l));
  const title = noticeTitle(head);
  const issuer = issuerOf(head, title, lines);
  const campaign = extractCampaign(text, year);
  return {
    title,
    ...(issuer ? { issuer } : {}),
    ...(documentNumber ? { documentNumber } : {}),
    ...(campaign ? { campaign } : {}),
  };
}

/** 关于…的通知 (possibly over two or three lines), else the first 方案/计划 title. */
function noticeTitle(head: string[]): string {
  const start = head.findIndex(
    (l) =>
      l.length <= 80 &&
      !/文件$/u.test(l) &&
      !DOC_NUMBER.test(l.replace(/\s+/gu, '')) &&
      !ATTACHMENT.test(l) &&
      /关于|方案|通知|安全生产月/u.test(l),
  );
  if (start === -1) return '';
  let title = head[start] as string;
  for (let i = start + 1; i < Math.min(head.length, start + 3); i++) {
    if (/(通知|方案|计划|办法)》?$/u.test(title)) break;
    const next = head[i] as string;
    if (next.length > 40 || /[。：:]$/u.test(next)) break;
    title += next;
  }
  return normalizeInline(title);
}

function issuerOf(head: string[], title: string, lines: string[]): string | undefined {
  const fileLine = head.find((l) => /^[\u4E00-\u9FFF（）()]{4,40}文件$/u.test(l.replace(/\s+/gu, '')));
  if (fileLine) return fileLine.replace(/\s+/gu, '').replace(/文件$/u, '');
  const before = /^(.{4,40}?)关于/u.exec(title)?.[1];
  if (before && /(局|办公室|委员会|厅|政府|部|委|中心|公司)$/u.test(before)) return before;
  // The signature above the date at the end of the covering letter.
  for (let i = 1; i < lines.length; i++) {
    if (!DATE_LINE.test((lines[i] as string).replace(/\s+/gu, ''))) continue;
    const above = (lines[i - 1] as string).replace(/\s+/gu, '');
    if (/^[\u4E00-\u9FFF（）()]{4,40}(局|办公室|委员会|厅|政府|部|委)$/u.test(above)) return above;
  }
  return undefined;
}
