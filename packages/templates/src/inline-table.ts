import { extractBlanks, hasBlank } from './blanks.ts';
import type { EmptyCellRow } from './empty-cell-table.ts';
import { parseHeaderFields } from './header-fields.ts';
import type { RawRow } from './raw-table.ts';
import { normalizeInline, normalizeParagraphs } from './text-normalize.ts';

/** A table's rows with their blanks, before ids and indexes are given. */
export interface Body {
  tableStart: number;
  columns: string[];
  rows: EmptyCellRow[];
  layout: 'inline' | 'grid' | 'form';
}

interface Roles {
  progress: number;
  requirement: number | undefined;
  group: number | undefined;
  item: number | undefined;
  width: number;
}

/** The usual statistics table: the blanks are （ ） and □是□否 inside each row's progress cell. */
export function readInlineTable(rows: RawRow[], firstBlankRow: number, warnings: string[]): Body {
  // The column-title row is the last short multi-cell row above the first row with blanks (a whole
  // pasted notice may hold other small tables, such as the liaison form, further up).
  let headerRow = -1;
  for (let i = 0; i < firstBlankRow; i++) {
    const row = rows[i] as RawRow;
    const filled = row.cells.map((c) => normalizeInline(c)).filter((c) => c !== '');
    if (
      filled.length >= 2 &&
      !parseHeaderFields(row.cells.join('  ')) &&
      filled.every((c) => c.length <= 15)
    ) {
      headerRow = i;
    }
  }
  if (headerRow === -1) warnings.push('No column titles (活动项目/内容要求/进展情况) found above the table.');
  const dataRows = rows.slice(headerRow === -1 ? firstBlankRow : headerRow + 1);
  const header = headerRow === -1 ? undefined : (rows[headerRow] as RawRow);
  const roles = findRoles(header, dataRows);
  const columns = header ? alignRow(header, roles, false).map((c) => normalizeInline(c)) : [];

  const out: EmptyCellRow[] = [];
  let lastGroup = '';
  let lastItem = '';
  for (const raw of dataRows) {
    const rowHasBlank = raw.cells.some(hasBlank);
    const nonEmpty = raw.cells.filter((c) => c.trim() !== '');
    // A page break in Word splits a row: the second half has only the rest of one cell's text.
    if (!raw.aligned && !rowHasBlank && nonEmpty.length === 1 && (raw.cells[0] ?? '').trim() === '') {
      const prev = out[out.length - 1];
      if (prev) prev.requirement += normalizeInline(nonEmpty[0] ?? '');
      continue;
    }
    const cells = alignRow(raw, roles, rowHasBlank);
    const cellText = (i: number | undefined) => (i === undefined ? '' : normalizeInline(cells[i] ?? ''));
    let group = cellText(roles.group);
    let item = cellText(roles.item);
    if (group === '') group = lastGroup;
    else if (group !== lastGroup) lastItem = '';
    if (item === '') item = lastItem;
    lastGroup = group;
    lastItem = item;
    for (let i = 0; i < cells.length; i++) {
      if (i !== roles.progress && hasBlank(cells[i] ?? ''))
        warnings.push(`Blanks outside the progress column were ignored in row “${item || group}”.`);
    }
    const drafts = extractBlanks(normalizeParagraphs(cells[roles.progress] ?? ''));
    if (drafts.length === 0) continue;
    out.push({ group, item, requirement: cellText(roles.requirement), drafts });
  }
  return { tableStart: headerRow === -1 ? firstBlankRow : headerRow, columns, rows: out, layout: 'inline' };
}

/**
 * Decides which column holds the blanks (the one with the most rows of blanks), the requirement text
 * (titled 内容要求/标准, or long text left of it) and the group/item columns (the rest, left to right).
 */
function findRoles(header: RawRow | undefined, dataRows: RawRow[]): Roles {
  // A loop, not Math.max(...rows): a spread over a pasted table's rows overflows the stack.
  const width = dataRows.reduce(
    (w, r) => Math.max(w, r.aligned ? r.cells.length : trimmed(r).length),
    header?.aligned ? header.cells.length : 0,
  );
  const blankCount = new Array<number>(width).fill(0);
  for (const r of dataRows) {
    const cells = r.aligned ? r.cells : rightAlign(trimmed(r), width);
    cells.forEach((c, i) => {
      if (hasBlank(c)) blankCount[i] = (blankCount[i] ?? 0) + 1;
    });
  }
  let progress = width - 1;
  let best = -1;
  blankCount.forEach((n, i) => {
    if (n >= best) {
      best = n;
      progress = i;
    }
  });
  const titles = header ? (header.aligned ? header.cells : rightAlign(trimmed(header), width)) : [];
  const titleOf = (i: number) => normalizeInline(titles[i] ?? '');
  let requirement: number | undefined;
  for (let i = progress - 1; i >= 0; i--) {
    if (/要求|标准|内容|说明/u.test(titleOf(i)) && !/项目/u.test(titleOf(i))) {
      requirement = i;
      break;
    }
  }
  if (requirement === undefined && !header && progress >= 2) {
    const lengths = dataRows.map(
      (r) =>
        normalizeInline((r.aligned ? r.cells : rightAlign(trimmed(r), width))[progress - 1] ?? '').length,
    );
    const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    if (avg > 15) requirement = progress - 1;
  }
  const keys: number[] = [];
  for (let i = 0; i < progress; i++)
    if (i !== requirement && !/^(序号|编号)$/u.test(titleOf(i))) keys.push(i);
  return {
    progress,
    requirement,
    group: keys.length >= 2 ? keys[0] : undefined,
    item: keys.length >= 1 ? keys[keys.length - 1] : undefined,
    width,
  };
}

function trimmed(row: RawRow): string[] {
  const cells = [...row.cells];
  while (cells.length > 0 && (cells[cells.length - 1] ?? '').replace(/[\s\u3000]/gu, '') === '') cells.pop();
  return cells;
}

function rightAlign(cells: string[], width: number): string[] {
  return cells.length >= width ? cells : [...new Array<string>(width - cells.length).fill(''), ...cells];
}

/**
 * Puts a plain-text row's cells under their columns. Word drops the cells a vertical merge covers, so
 * the missing cells are on the left: the cell holding the blanks goes under the progress column and the
 * rest line up to its left.
 */
function alignRow(row: RawRow, roles: Roles, rowHasBlank: boolean): string[] {
  if (row.aligned) return row.cells;
  const cells = trimmed(row);
  let anchor = cells.length - 1;
  if (rowHasBlank)
    for (let i = cells.length - 1; i >= 0; i--)
      if (hasBlank(cells[i] ?? '')) {
        anchor = i;
        break;
      }
  const shift = roles.progress - anchor;
  if (shift <= 0) return cells.slice(-shift);
  return [...new Array<string>(shift).fill(''), ...cells];
}
