import { z } from 'zod';
import { hasBlank } from './blanks.ts';
import { extractCampaign } from './campaign.ts';
import { extractDeadlines } from './deadlines.ts';
import { readEmptyCellTable } from './empty-cell-table.ts';
import { TemplateImportError } from './errors.ts';
import { type GridMerge, gridToRows } from './grid.ts';
import { headerSlotId, parseHeaderFields } from './header-fields.ts';
import { checkInputSize, checkRowCount, checkSlotCount } from './import-limits.ts';
import { type Body, readInlineTable } from './inline-table.ts';
import { LIAISON_FIELDS } from './liaison.ts';
import { extractMediaHints } from './media.ts';
import { looksLikeHtml, parseHtmlTable } from './parse-html-table.ts';
import { parseCsvTable, parseTextTable } from './parse-text-table.ts';
import type { RawRow } from './raw-table.ts';
import type { Deadline, Slot } from './schema.ts';
import { slotIdFor } from './slot-id.ts';
import { hash53 } from './stable-hash.ts';
import {
  type CampaignDates,
  type HeaderField,
  type MediaHint,
  TEMPLATE_SCHEMA_VERSION,
  Template,
  type TemplateRow,
  type TemplateSource,
} from './template.ts';
import { normalizeInline } from './text-normalize.ts';

/** What a user can paste or open: text as copied from Word/WPS/a web page, HTML, or a spreadsheet grid. */
export type ImportInput =
  | string
  | { kind: 'text'; text: string }
  | { kind: 'html'; html: string }
  /** Comma-separated values (a sheet saved as .csv); merges are lost, so merged cells read as empty. */
  | { kind: 'csv'; text: string }
  | { kind: 'grid'; rows: readonly (readonly string[])[]; merges?: readonly GridMerge[] };

export interface ImportOptions {
  /** Template id (lower-case ascii); derived from the title when absent. */
  id?: string;
  /** Used when the paste has no title line. */
  title?: string;
  version?: number;
  source?: TemplateSource;
  /** Deadlines and media hints, e.g. from extractDeadlines() on the notice, confirmed by the user. */
  deadlines?: Deadline[];
  media?: MediaHint[];
  /** The campaign's dates, when known; else read from the notice text. */
  campaign?: CampaignDates;
  /** The notice's text, to read deadlines and media hints from when `deadlines` is not given. */
  noticeText?: string;
  /** Year of the notice's dates (5月27日); read from the text (2020年) when absent. */
  year?: number;
}

export interface ImportResult {
  template: Template;
  /** Things the user should look at before using the template (unsure column roles, odd blanks …). */
  warnings: string[];
}

/** Turns a pasted or opened statistics table into a template whose slots follow the table's blanks in order. */
export function importTable(input: ImportInput, options: ImportOptions = {}): ImportResult {
  checkInputSize(input);
  const notice = typeof input === 'string' ? input : input.kind === 'text' ? input.text : '';
  return importRows(readRows(input), notice, options);
}

/**
 * The importer after reading: `rows` as every input is read (the lines above the table included), `notice`
 * the text to read deadlines from when `options` gives neither deadlines nor noticeText.
 */
export function importRows(rows: RawRow[], notice: string, options: ImportOptions = {}): ImportResult {
  if (options.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/u.test(options.id)) {
    throw new TemplateImportError(
      'invalid-id',
      `Template ids are lower-case letters, digits and dashes (e.g. jianzai-2022), not "${options.id}".`,
    );
  }
  checkRowCount(rows.length);
  const warnings: string[] = [];
  if (rows.every((r) => r.cells.every((c) => c.trim() === ''))) {
    throw new TemplateImportError('empty-input', 'The input is empty: paste or open a table.');
  }
  // Header lines (填报单位：_____) may hold underscores, which are blanks only inside the table.
  const firstBlankRow = rows.findIndex(
    (r) => r.cells.some(hasBlank) && !parseHeaderFields(r.cells.join('  ')),
  );
  let body: Body;
  if (firstBlankRow !== -1) body = readInlineTable(rows, firstBlankRow, warnings);
  else {
    const other = readEmptyCellTable(rows);
    if (!other) {
      const multi = rows.filter((r) => r.cells.filter((c) => c.trim() !== '').length >= 2).length;
      if (multi === 0) {
        throw new TemplateImportError(
          'not-a-table',
          'No table found: the input has no rows with several cells and no blanks such as （ ） or □是□否.',
        );
      }
      throw new TemplateImportError(
        'no-blanks',
        'The table has no blanks to fill: expected empty parentheses （ ）, 是/否 choices or empty cells under column titles.',
      );
    }
    body = { tableStart: other.start, columns: other.columns, rows: other.rows, layout: other.layout };
    warnings.push(
      other.layout === 'grid'
        ? 'The table has no （ ） blanks; its empty cells were read as blanks (row names down the left, column titles across the top).'
        : 'The table has no （ ） blanks; it was read as a form (label, then an empty cell to fill).',
    );
  }

  // Above the table: the 附件 line, the title and the header line(s).
  let attachment: string | undefined;
  const titleLines: string[] = [];
  const headerFields: HeaderField[] = [];
  const slots: Slot[] = [];
  for (const row of rows.slice(aboveTableStart(rows, body.tableStart), body.tableStart)) {
    // Titles keep their spacing as printed; only runs of whitespace collapse.
    const line = row.cells
      .join(' ')
      .replace(/[\s\u3000]+/gu, ' ')
      .trim();
    if (line === '') continue;
    const fields = parseHeaderFields(row.cells.join('  '));
    if (fields) {
      for (const f of fields) {
        let id = headerSlotId(f.label);
        while (slots.some((s) => s.id === id)) id = `${id}-2`;
        headerFields.push({ label: f.label, slotId: id, kind: f.kind });
        slots.push({
          id,
          index: slots.length,
          kind: f.kind,
          unit: '',
          section: 'header',
          group: '',
          item: '',
          requirement: '',
          before: f.label,
          after: '',
        });
      }
      continue;
    }
    const att = /^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：、.．]?\s*(.*)$/u.exec(line);
    if (att) {
      attachment = line.slice(0, line.length - (att[1]?.length ?? 0)).replace(/[:：、.．\s]+$/u, '');
      if (att[1]) titleLines.push(att[1]);
      continue;
    }
    titleLines.push(line);
  }
  const title = pickTitle(titleLines) || options.title || '未命名表格';

  // A form whose labels are all liaison fields (姓名, 办公电话, 电子邮箱 …) is a liaison form: its slots take the
  // profile field names as ids, so the unit's profile fills it.
  const liaison =
    body.layout === 'form' &&
    body.rows.flatMap((r) => r.drafts).every((d) => liaisonFieldFor(d.before) !== undefined);

  const templateRows: TemplateRow[] = [];
  const occurrences = new Map<string, number>();
  for (const row of body.rows) {
    const { group, item, requirement } = row;
    const slotIds: string[] = [];
    for (const d of row.drafts) {
      checkSlotCount(slots.length + 1);
      const key = ['table', group, item, d.before, d.after].join('\u001F');
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      const field = liaison ? liaisonFieldFor(d.before) : undefined;
      let id =
        field?.id ??
        slotIdFor({ section: 'table', group, item, before: d.before, after: d.after, occurrence });
      if (field) while (slots.some((s) => s.id === id)) id = `${field.id}-${occurrence + 1}`;
      if (slots.some((s) => s.id === id)) {
        throw new TemplateImportError(
          'duplicate-slot-id',
          `Two blanks got the same id ${id}; please report.`,
        );
      }
      slotIds.push(id);
      slots.push({
        id,
        index: slots.length,
        kind: field?.kind ?? d.kind,
        unit: d.unit,
        section: 'table',
        group,
        item,
        requirement,
        before: d.before,
        after: d.after,
        ...(field ? { labels: [...field.labels] } : {}),
      });
      if (d.kind === 'text' && body.layout === 'inline')
        warnings.push(
          `Slot ${slots.length - 1} (“${d.before}（ ）${d.after}”) reads as text; check its kind.`,
        );
    }
    templateRows.push({ group, item, requirement, slotIds });
  }

  // Deadlines come from the notice text when given, else from the paste itself (a whole notice may be pasted).
  const noticeText = options.noticeText ?? notice;
  const year = options.year ?? detectYear(`${title}\n${noticeText}`) ?? new Date().getFullYear();
  const id = options.id ?? `import-${hash53(title).toString(36).slice(-8)}`;
  const candidate = {
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    id,
    version: options.version ?? 1,
    title,
    kind: liaison ? ('liaison' as const) : ('statistics' as const),
    source: { ...(attachment ? { attachment } : {}), ...options.source },
    columns: body.columns,
    headerFields,
    rows: templateRows,
    slots,
    deadlines: options.deadlines ?? (noticeText ? extractDeadlines(noticeText, year) : []),
    media: options.media ?? (noticeText ? extractMediaHints(noticeText) : []),
    ...withCampaign(options.campaign ?? (noticeText ? extractCampaign(noticeText, year) : undefined)),
  };
  return { template: parseTemplate(candidate), warnings };
}

/**
 * Validates a template read back from storage or a file (e.g. one saved by `tianbao template import --out`).
 * Throws TemplateImportError('invalid-template') with a readable list of what is wrong.
 */
export function parseTemplate(data: unknown): Template {
  const parsed = Template.safeParse(data);
  if (!parsed.success) {
    throw new TemplateImportError(
      'invalid-template',
      `Not a valid template:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

export function liaisonFieldFor(label: string) {
  const bare = label.replace(/\s/gu, '');
  return LIAISON_FIELDS.find((f) => f.label === bare || f.labels.includes(bare));
}

/**
 * The lines that belong to the table above it: up to its 附件 line, at most a few short lines, so a whole
 * pasted notice does not lend its other 姓名：/地点： lines to the table's header.
 */
function aboveTableStart(rows: RawRow[], tableStart: number): number {
  let start = tableStart;
  let lines = 0;
  for (let i = tableStart - 1; i >= 0; i--) {
    const row = rows[i] as RawRow;
    const line = normalizeInline(row.cells.join(' '));
    if (line === '') continue;
    const isField = parseHeaderFields(row.cells.join('  ')) !== null;
    if (!isField && (line.length > 80 || row.cells.filter((c) => c.trim() !== '').length > 1)) break;
    if (++lines > 6) break;
    start = i;
    if (/^附件\s*[0-9０-９一二三四五六七八九十]*\s*([:：、.．]|$)/u.test(line)) break;
  }
  return start;
}

/** The title is the line ending in 表 (统计表, 情况表), else the lines above the table joined. */
function pickTitle(lines: string[]): string {
  const short = lines.filter((l) => l.length <= 80);
  const ending = short.filter((l) => /表\s*(（[^）]*）)?$/u.test(l));
  if (ending.length > 0) return ending[ending.length - 1] as string;
  const withTable = short.filter((l) => /表/u.test(l));
  if (withTable.length > 0) return withTable[withTable.length - 1] as string;
  return short.slice(-2).join('');
}

export function detectYear(text: string): number | undefined {
  const m = /(20\d{2})\s*年/u.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function readRows(input: ImportInput): RawRow[] {
  if (typeof input === 'string') return looksLikeHtml(input) ? parseHtmlTable(input) : parseTextTable(input);
  switch (input.kind) {
    case 'text':
      return parseTextTable(input.text);
    case 'html':
      return parseHtmlTable(input.html);
    case 'grid':
      return gridToRows(input.rows, input.merges ?? []);
    case 'csv':
      return parseCsvTable(input.text);
    default:
      throw new TemplateImportError('unreadable-input', 'Unknown input kind; expected text, html or grid.');
  }
}

const withCampaign = (c: CampaignDates | undefined) => (c ? { campaign: c } : {});
