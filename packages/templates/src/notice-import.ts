import { hasBlank } from './blanks.ts';
import { extractDeadlines } from './deadlines.ts';
import { detectYear, importRows, liaisonFieldFor } from './import-table.ts';
import { extractMediaHints } from './media.ts';
import { extractNoticeInfo } from './notice-info.ts';
import type { NoticeWarning } from './notice-warning.ts';
import { PLAN_FIELDS } from './plan.ts';
import type { RawRow } from './raw-table.ts';
import type { Deadline } from './schema.ts';
import type { CampaignDates, MediaHint, Template } from './template.ts';
import { regionOf } from './template-origin.ts';
import { normalizeInline } from './text-normalize.ts';

/** A form field found in the notice (联络员推荐表 or 重点活动计划安排表): the field's id and the notice's label. */
export interface NoticeField {
  id: string;
  label: string;
}

/** Everything one notice file sets up, for the person to review and correct before the log is created. */
export interface NoticeImport {
  title: string;
  issuer?: string;
  documentNumber?: string;
  year: number;
  /** The campaign's dates as the notice states them; absent when it does not (June of `year` then). */
  campaign?: CampaignDates;
  /** Every 进展情况统计表 of the notice, in document order. */
  templates: Template[];
  /** The 联络员推荐表's fields (ids of LIAISON_FIELDS), when the notice holds one. */
  liaison?: { title: string; fields: NoticeField[] };
  /** The 重点活动计划安排表's columns (ids of PLAN_FIELDS), when the notice asks for one. */
  plan?: { title: string; fields: NoticeField[] };
  deadlines: Deadline[];
  media: MediaHint[];
  /** What the person should check (a table that could not be read, a date assumed …). */
  warnings: NoticeWarning[];
  /** The notice as plain text, e.g. to read its deadlines again with another year. */
  text: string;
}

export interface NoticeImportOptions {
  /** The file's name, kept in each template's source. */
  fileName?: string;
  /** Year of the notice's dates; read from the text when absent. */
  year?: number;
  /** Template ids are `<idPrefix>-1`, `-2`, … (default: derived from each table's title). */
  idPrefix?: string;
}

/**
 * Reads a whole notice, as a .docx or PDF reader gives it (lines of text, and table rows tagged with their
 * table), into templates, forms, deadlines and the notice's facts. Each statistics table goes through the
 * same importer as a paste, with the lines above it (附件 line, title, 填报单位 line).
 */
export function importNotice(rows: readonly RawRow[], options: NoticeImportOptions = {}): NoticeImport {
  const text = noticeText(rows);
  const year = options.year ?? detectYear(text) ?? new Date().getFullYear();
  const info = extractNoticeInfo(text, year);
  const deadlines = extractDeadlines(text, year);
  const media = extractMediaHints(text);
  const warnings: NoticeWarning[] = [];
  const templates: Template[] = [];
  let liaison: NoticeImport['liaison'];
  let plan: NoticeImport['plan'];

  // Plain text cannot say where tables are: it is read whole, as a paste of the notice would be.
  const tagged = rows.some((r) => r.table !== undefined);
  for (const segment of tagged ? tableSegments(rows) : [{ rows: [...rows] }]) {
    const tableRows = tagged ? segment.rows.filter((r) => r.table !== undefined) : segment.rows;
    if (tableRows.some((r) => r.cells.some(hasBlank))) {
      const n = templates.length + 1;
      try {
        const { template, warnings: w } = importRows([...segment.rows], text, {
          ...(options.idPrefix ? { id: `${options.idPrefix}-${n}` } : {}),
          year,
          deadlines,
          media,
          ...(info.campaign ? { campaign: info.campaign } : {}),
          source: {
            ...(options.fileName ? { file: options.fileName } : {}),
            notice: info.documentNumber ? `${info.title}（${info.documentNumber}）` : info.title,
            year,
            ...(regionOf(info.issuer) && { region: regionOf(info.issuer) }),
          },
        });
        let id = template.id;
        while (templates.some((t) => t.id === id)) id = `${template.id}-${n}`;
        templates.push({ ...template, id });
        for (const x of w) warnings.push(tableWarning(template.title, x));
      } catch (err) {
        warnings.push({
          code: 'table-unreadable',
          message: `A table with blanks could not be read (${err instanceof Error ? err.message : String(err)}); paste it instead.`,
          messageZh: '通知里有一张带（ ）的表格没能识别出来。请打开原文件复制这张表格，在下方粘贴。',
        });
      }
      continue;
    }
    liaison ??= liaisonForm(segment.rows, tableRows);
    plan ??= planTable(segment.rows, tableRows);
  }
  plan ??= planOutline(rows);
  if (!info.campaign)
    warnings.push({
      code: 'campaign-assumed',
      message: 'The notice names no dates for the campaign; June 1–30 is assumed.',
      messageZh: '通知中没有写明活动起止日期，已按 6 月 1 日至 30 日填入，请核对。',
    });
  if (templates.length === 0 && !warnings.some((w) => w.code === 'table-unreadable'))
    warnings.push({
      code: 'no-statistics',
      message: 'No statistics table (a table with blanks （ ）) was found in the notice.',
      messageZh: '这份通知里没有找到带（ ）的进展情况统计表。可以选用内置统计表，或在下方粘贴统计表。',
    });
  return {
    title: info.title,
    ...(info.issuer ? { issuer: info.issuer } : {}),
    ...(info.documentNumber ? { documentNumber: info.documentNumber } : {}),
    year,
    ...(info.campaign ? { campaign: info.campaign } : {}),
    templates,
    ...(liaison ? { liaison } : {}),
    ...(plan ? { plan } : {}),
    deadlines,
    media,
    warnings,
    text,
  };
}

/** The importer's English warning about one table, with a Chinese wording for the review screen. */
function tableWarning(title: string, message: string): NoticeWarning {
  const slot = /^Slot \d+ \((.*)\) reads as text/u.exec(message);
  return {
    code: 'table',
    message: `${title}: ${message}`,
    messageZh: slot
      ? `${title}：${slot[1]} 识别为文字，请核对这一空填的是文字还是数字。`
      : `${title}：识别时有不确定的地方，请逐项核对。`,
  };
}

/** The notice as text: paragraphs as lines, a table row as its cells joined by tabs (a merge's copies once). */
export function noticeText(rows: readonly RawRow[]): string {
  return rows
    .map((r) => {
      const cells = r.cells.filter((c, i) => !r.coveredFromAbove?.[i] && (i === 0 || c !== r.cells[i - 1]));
      return cells.join('\t');
    })
    .join('\n');
}

/** Each table with the lines between it and the table before (where its 附件 line and title are). */
function tableSegments(rows: readonly RawRow[]): { rows: RawRow[] }[] {
  const segments: { rows: RawRow[] }[] = [];
  let current: RawRow[] = [];
  let table: number | undefined;
  for (const row of rows) {
    if (row.table === undefined && table !== undefined) {
      segments.push({ rows: current });
      current = [];
      table = undefined;
    } else if (row.table !== undefined && table !== undefined && row.table !== table) {
      segments.push({ rows: current });
      current = [];
    }
    current.push(row);
    if (row.table !== undefined) table = row.table;
  }
  if (table !== undefined) segments.push({ rows: current });
  return segments;
}

const bare = (cell: string) => normalizeInline(cell).replace(/[：:\s]/gu, '');

/** A table whose labels are mostly 联络员 fields (姓名, 办公电话, 电子邮箱 …): the liaison form. */
function liaisonForm(segment: RawRow[], tableRows: RawRow[]): NoticeImport['liaison'] {
  const cells = distinctCells(tableRows);
  const fields: NoticeField[] = [];
  for (const cell of cells) {
    const field = liaisonFieldFor(cell);
    if (field && !fields.some((f) => f.id === field.id)) fields.push({ id: field.id, label: cell });
  }
  if (fields.length < 3 || fields.length < cells.length * 0.6) return undefined;
  return { title: titleAbove(segment, /联络员/u) ?? '联络员推荐表', fields };
}

/** A table whose column titles are those of a plan (时间, 地点, 主要内容, 主办单位 …). */
function planTable(segment: RawRow[], tableRows: RawRow[]): NoticeImport['plan'] {
  for (const row of tableRows.slice(0, 3)) {
    const fields = planFields(row.cells.map(bare));
    if (fields.length >= 3)
      return { title: titleAbove(segment, /计划|安排/u) ?? '重点活动计划安排表', fields };
  }
  return undefined;
}

/**
 * A plan given as a sample outline (`1.时间:`, `2.地点:`, `3.活动主要内容：`, `4.主办单位:` …) under a
 * 重点活动计划安排 title, as the 宝坻 notice does.
 */
function planOutline(rows: readonly RawRow[]): NoticeImport['plan'] {
  const lines = rows.filter((r) => r.table === undefined).map((r) => normalizeInline(r.cells.join(' ')));
  const start = lines.findIndex(
    (l) => /重点活动计划|活动计划安排/u.test(l) && l.length <= 40 && !/[。，]/u.test(l),
  );
  if (start === -1) return undefined;
  const labels: string[] = [];
  for (const line of lines.slice(start + 1, start + 60)) {
    if (/^附件\s*\d/u.test(line)) break;
    for (const m of line.matchAll(/(?:^|\d[.．、]|\s)([\u4E00-\u9FFF]{2,6})\s*[:：]/gu))
      labels.push(m[1] ?? '');
  }
  const fields = planFields(labels);
  return fields.length >= 3 ? { title: lines[start] as string, fields } : undefined;
}

function planFields(labels: readonly string[]): NoticeField[] {
  const fields: NoticeField[] = [];
  for (const label of labels) {
    const field = PLAN_FIELDS.find((f) => f.label === label || f.labels.includes(label));
    if (field && !fields.some((f) => f.id === field.id)) fields.push({ id: field.id, label });
  }
  return fields;
}

function distinctCells(rows: RawRow[]): string[] {
  const out: string[] = [];
  for (const r of rows)
    for (const c of r.cells) {
      const b = bare(c);
      if (b && !out.includes(b)) out.push(b);
    }
  return out;
}

/** The nearest short line above the table that matches, without its 附件 number. */
function titleAbove(segment: RawRow[], pattern: RegExp): string | undefined {
  const lines = segment.filter((r) => r.table === undefined).map((r) => normalizeInline(r.cells.join(' ')));
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] as string).replace(
      /^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：、.．]?\s*/u,
      '',
    );
    if (line && line.length <= 40 && pattern.test(line)) return line;
  }
  return undefined;
}
