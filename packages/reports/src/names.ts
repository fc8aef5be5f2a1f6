import { dayText, fullDayText, isValidDate } from '@tianbao/core';
import type { Template } from '@tianbao/templates';
import { safeFileName } from './period-media.ts';

/**
 * How documents name things: the activity as the notice's table names it, the year, the notice cited in
 * 《》, and dates in Chinese. Every document of this package takes its titles from here.
 */

/** 全区“安全生产月”和“安全生产兴安行”活动进展情况统计表 → “安全生产月”和“安全生产兴安行”活动. */
export function activityName(template: Pick<Template, 'title'>): string {
  const name = template.title
    .replace(/\s+/g, '')
    .replace(/(活动)?(进展|开展|落实)?(情况)?(统计)?表$/u, '')
    .replace(/^(全国|全省|全市|全区|全县|全州|全盟|全旗|全系统|全市工信系统)/u, '');
  const bare = name || '“安全生产月”';
  return bare.endsWith('活动') ? bare : `${bare}活动`;
}

/**
 * The notice as a document cites it: 《关于印发〈…〉的通知》（大安办发〔2020〕26号）. A title inside the title
 * takes 〈〉, as nested titles do in print; the document number stays outside the 《》.
 */
export function noticeCitation(notice: string | undefined): string | undefined {
  if (!notice?.trim()) return undefined;
  const m = /^(.*?)[（(]([^（）()]*〔\d{4}〕[^（）()]*号)[）)]\s*$/u.exec(notice.trim());
  const title = (m ? (m[1] as string) : notice.trim()).replace(/《/g, '〈').replace(/》/g, '〉');
  return `《${title}》${m ? `（${m[2]}）` : ''}`;
}

/** YYYY-MM-DD → 6月1日 (or 2020年6月1日 with the year); other text (6月上旬) is kept as written. */
export function dateText(date: string, withYear = false): string {
  const d = date.trim();
  if (!isValidDate(d)) return d;
  return withYear ? fullDayText(d) : dayText(d);
}

/** The calendar day of an instant in China (UTC+8), as YYYY-MM-DD: documents are dated where they are filed. */
export function chinaDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD HH:mm in China time. */
export function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A file name Windows and WPS accept: 宝坻区应急管理局-活动总结初稿-2021-06-25.docx. */
export function documentFileName(parts: readonly string[], ext: string): string {
  return `${safeFileName(parts.filter(Boolean).join('-'), 80)}.${ext}`;
}
