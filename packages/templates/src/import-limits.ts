import { TemplateImportError } from './errors.ts';
import type { ImportInput } from './import-table.ts';
import { looksLikeHtml } from './parse-html-table.ts';

/**
 * How much a pasted or opened table may hold. A notice's whole statistics table is a few hundred rows and
 * under 100 KB of text (Word's HTML for it under 2 MB); far larger input is a mistake or an attack, and the
 * importer's work grows faster than its size.
 */
export const IMPORT_LIMITS = {
  /** Characters of pasted text or .csv. */
  maxTextChars: 1_000_000,
  /** Characters of pasted HTML (Word and WPS add styles to every cell). */
  maxHtmlChars: 5_000_000,
  /** Rows read from the input, the lines above the table included. */
  maxRows: 5_000,
  /** Blanks of one table. */
  maxSlots: 2_000,
} as const;

const n = (x: number) => x.toLocaleString('en');

/** Refuses input over the character limits before it is parsed. */
export function checkInputSize(input: ImportInput): void {
  const html = typeof input === 'string' ? looksLikeHtml(input) : input.kind === 'html';
  const chars =
    typeof input === 'string'
      ? input.length
      : input.kind === 'html'
        ? input.html.length
        : input.kind === 'grid'
          ? 0
          : input.text.length;
  const max = html ? IMPORT_LIMITS.maxHtmlChars : IMPORT_LIMITS.maxTextChars;
  const what = html ? 'HTML' : 'text';
  if (chars > max)
    throw new TemplateImportError(
      'too-large',
      `The ${what} is ${n(chars)} characters; the limit is ${n(max)}. Copy only the statistics table.`,
    );
}

export function checkRowCount(rows: number): void {
  if (rows > IMPORT_LIMITS.maxRows)
    throw new TemplateImportError(
      'too-large',
      `The input has ${n(rows)} rows; the limit is ${n(IMPORT_LIMITS.maxRows)}. Copy only the statistics table.`,
    );
}

export function checkSlotCount(slots: number): void {
  if (slots > IMPORT_LIMITS.maxSlots)
    throw new TemplateImportError(
      'too-large',
      `The table has more than ${n(IMPORT_LIMITS.maxSlots)} blanks (limit); a statistics table has far fewer.`,
    );
}
