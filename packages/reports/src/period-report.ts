import {
  type AttachmentRef,
  dayText,
  describeRange,
  type Entry,
  type ReportingPeriod,
  type SlotStat,
  type UnitLog,
} from '@tianbao/core';
import type { MediaHint, Slot, Template } from '@tianbao/templates';
import { blankName, TERM } from '@tianbao/templates';
import type { FileChild } from 'docx';
import { zipSync } from 'fflate';
import { chineseNumber } from './figure-words.ts';
import { rowFigures } from './figures.ts';
import { docxBytes, heading, officialDocument, paragraph, table, title } from './official-document.ts';
import { collectPeriodMedia, type PeriodMedia, safeFileName } from './period-media.ts';

/**
 * The weekly (or monthly) report pack of one reporting period: 「××单位“安全生产月”活动开展情况（6月8日—6月14日）」
 * as Word, listing each activity and the period's figures beside their 累计, and the period's photos and
 * videos named 日期-活动名称-序号, all in one zip. Built from core's records, for the CLI and the extension.
 */
export interface PeriodReportInput {
  unitName: string;
  /** The campaign the report is about, without quotes: 安全生产月, 安全生产南粤行. */
  activity: string;
  period: ReportingPeriod;
  /** The period's live activities (any order). */
  entries: readonly Entry[];
  template?: Template;
  /** The template's blanks for the period and for its 累计 (same order as the template's slots). */
  periodStats: readonly SlotStat[];
  cumulativeStats: readonly SlotStat[];
  media: readonly PeriodMedia[];
  hints: readonly MediaHint[];
  generatedAt: Date;
  /** The log's state the report was made from (UnitLog.stateDigest), kept in the document's properties. */
  logState?: string;
}

export interface PeriodPack {
  title: string;
  docxName: string;
  docx: Uint8Array;
  media: PeriodMedia[];
  zipName: string;
  zip: Uint8Array;
}

/** 某单位“安全生产月”活动开展情况（6月8日—6月14日） */
export function periodReportTitle(
  unitName: string,
  activity: string,
  period: Pick<ReportingPeriod, 'from' | 'to'>,
) {
  return `${unitName}“${activity}”活动开展情况（${describeRange(period)}）`;
}

/**
 * The campaign a period's report is about: the quoted name in its deadline (报送“安全生产南粤行”活动开展情况),
 * else in the notice's title, else 安全生产月.
 */
export function reportActivity(
  period: ReportingPeriod,
  template: Template | undefined,
  deadlines: readonly { id: string; title: string }[],
): string {
  const quoted = (s: string | undefined) => /“([^”]{2,20})”/.exec(s ?? '')?.[1];
  const deadline = deadlines.find((d) => d.id === period.deadlineId);
  return (
    quoted(deadline?.title) ?? quoted(template?.source.notice) ?? quoted(template?.title) ?? '安全生产月'
  );
}

const fullDate = (d: Date) => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
const byDate = (a: Entry, b: Entry) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt;

function activityParagraphs(
  e: Entry,
  template: Template | undefined,
  slots: Map<string, Template['slots'][number]>,
  media: readonly PeriodMedia[],
) {
  const facts = [
    `时间：${dayText(e.date)}`,
    e.location && `地点：${e.location}`,
    e.organizer && `主办单位：${e.organizer}`,
    e.partners && `协助单位：${e.partners}`,
  ].filter(Boolean);
  const out = [paragraph(`${facts.join('；')}。`)];
  if (e.description)
    for (const line of e.description.split(/\n+/)) if (line.trim()) out.push(paragraph(line.trim()));
  // Row by row in the notice's own words, as the 总结 writes them (a blank that continues the one before it
  // keeps that one's words when it stands alone).
  const figures = (template?.rows ?? []).flatMap((row) => {
    const rowSlots = row.slotIds
      .map((id) => slots.get(`${template?.id}/${id}`))
      .filter((x): x is Template['slots'][number] => !!x);
    return rowFigures(row, rowSlots, (slot) => e.contributions[`${template?.id}/${slot.id}`]).clauses;
  });
  if (figures.length) out.push(paragraph(`主要数据：${figures.join('，')}。`));
  const mine = media.filter((m) => m.entryId === e.id && m.bytes);
  if (mine.length) out.push(paragraph(`照片和视频：${mine.map((m) => m.fileName).join('、')}。`));
  return out;
}

const setAsideName = (template: Template | undefined, slot: Slot | undefined) =>
  template && slot ? blankName(template, slot) : '';

export async function periodReportDocx(input: PeriodReportInput): Promise<Uint8Array> {
  const { period, template } = input;
  const heading1 = periodReportTitle(input.unitName, input.activity, period);
  const slots = new Map((template?.slots ?? []).map((s) => [`${template?.id}/${s.id}`, s]));
  const entries = [...input.entries].sort(byDate);
  const children: FileChild[] = [
    title(heading1),
    // One line each: run together, the line broke inside a date (统计区间：6月8日—6 / 月14日) on A4.
    paragraph(`报送单位：${input.unitName}`, { indent: false }),
    paragraph(`统计区间：${describeRange(period)}${period.kind === 'custom' ? '' : `（${period.name}）`}`, {
      indent: false,
    }),
    paragraph(`报送日期：${fullDate(input.generatedAt)}`, { indent: false }),
    heading('一、活动开展情况'),
  ];
  if (!entries.length) children.push(paragraph(`${describeRange(period)}没有记录活动。`));
  entries.forEach((e, i) => {
    children.push(heading(`（${chineseNumber(i + 1)}）${dayText(e.date)}　${e.title}`, 2));
    children.push(...activityParagraphs(e, template, slots, input.media));
  });

  children.push(heading(`二、本期${TERM.table}数据`));
  const cumulative = new Map(input.cumulativeStats.map((s) => [s.key, s]));
  const rows = input.periodStats
    .filter((s) => typeof s.value === 'number')
    .map((s) => {
      const slot = slots.get(s.key);
      // blankName, not the blank's own words: two 参与（ ）人次 of one item must not read the same.
      return [
        slot && template ? blankName(template, slot) : s.key,
        String(s.value),
        String(cumulative.get(s.key)?.value ?? '—'),
      ];
    });
  if (rows.length) {
    children.push(
      paragraph(`累计为${describeRange(period.cumulative)}的合计，按活动日期统计。`),
      table([[TERM.blank, '本期', '累计'], ...rows], [6000, 1400, 1400]),
    );
  } else children.push(paragraph(`本期没有计入${TERM.table}的数。`));
  const setAside = input.periodStats.filter((s) => s.manualSetAside && slots.has(s.key));
  if (setAside.length)
    children.push(
      paragraph(
        `注：另有${setAside.length}项是${TERM.manual}的整个活动的数（如${setAsideName(template, slots.get(setAside[0]?.key ?? ''))}），不按日期拆分，未计入本期和累计。`,
      ),
    );

  const bad = input.media.filter((m) => m.problems.length);
  if (bad.length) {
    const want = input.hints
      .map(
        (h) =>
          `${h.kind === 'video' ? '视频' : '照片'}${h.formats.join('/')}${h.width ? ` ${h.minimum ? '不低于' : ''}${h.width}×${h.height}` : ''}`,
      )
      .join('，');
    children.push(
      heading(`附：不符合格式要求的照片和视频（${bad.length}个）`),
      ...(want ? [paragraph(`通知要求：${want}。`)] : []),
      table(
        [
          ['文件', '活动', '原因'],
          ...bad.map((m) => [m.fileName, `${dayText(m.date)} ${m.entryTitle}`, m.problems.join('；')]),
        ],
        [3200, 2800, 3000],
      ),
    );
  }

  const doc = officialDocument(
    {
      title: heading1,
      creator: input.unitName,
      description: `${describeRange(period)}的活动开展情况`,
      custom: {
        periodFrom: period.from,
        periodTo: period.to,
        generatedAt: input.generatedAt.toISOString(),
        ...(input.logState && { logState: input.logState }),
      },
    },
    children,
  );
  return docxBytes(doc);
}

/** The .docx and every photo and video on this computer in one zip (media stored, not recompressed). */
export function periodPackZip(docxName: string, docx: Uint8Array, media: readonly PeriodMedia[]): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { [docxName]: docx };
  for (const m of media) if (m.bytes) files[m.fileName] = [m.bytes, { level: 0 }];
  return zipSync(files, { level: 6, mtime: new Date() });
}

export interface BuildPackOptions {
  log: UnitLog;
  template?: Template;
  period: ReportingPeriod;
  /** The format photos and videos must meet (the log's schedule). */
  hints: readonly MediaHint[];
  deadlines?: readonly { id: string; title: string }[];
  /** The bytes of an attachment, or undefined when this computer does not have them. */
  read: (ref: AttachmentRef) => Promise<Uint8Array | undefined>;
  now?: Date;
}

/** Everything for one period from a log: its activities, figures, media; the Word file and the zip. */
export async function buildPeriodPack(o: BuildPackOptions): Promise<PeriodPack> {
  const { log, template, period } = o;
  const entries = log.listEntries({ from: period.from, to: period.to });
  const media = await collectPeriodMedia(entries, o.hints, o.read);
  const keys = template?.kind === 'statistics' ? template.slots.map((s) => `${template.id}/${s.id}`) : [];
  const activity = reportActivity(period, template, o.deadlines ?? template?.deadlines ?? []);
  const unitName = log.getProfile().unitName || log.meta().unitName;
  const generatedAt = o.now ?? new Date();
  const docx = await periodReportDocx({
    unitName,
    activity,
    period,
    entries,
    ...(template && { template }),
    periodStats: log.statistics(keys, { from: period.from, to: period.to }),
    cumulativeStats: log.statistics(keys, period.cumulative),
    media,
    hints: o.hints,
    generatedAt,
    logState: log.stateDigest(),
  });
  const name = periodReportTitle(unitName, activity, period);
  const docxName = `${safeFileName(name, 80)}.docx`;
  return {
    title: name,
    docxName,
    docx,
    media,
    zipName: `${safeFileName(name, 80)}.zip`,
    zip: periodPackZip(docxName, docx, media),
  };
}
