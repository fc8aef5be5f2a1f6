import { checkZip, ZipLimitError } from '@tianbao/templates';
import { Inflate } from 'fflate';
import { ExcelImportError } from './errors.ts';

/**
 * What a workbook may hold before it is parsed. A 10,000-activity ledger is about 8 MB of sheet XML and
 * 10,000 rows; a few hundred KB can declare (or, lying, inflate to) gigabytes, which exceljs would build
 * into objects of ten times that size.
 */
export const XLSX_LIMITS = {
  /** Inflated size of any one part (a sheet's XML, the shared strings, a picture). */
  maxPartBytes: 50 * 1024 * 1024,
  /** Inflated size of the whole workbook. */
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 5000,
  /** Uncompressed/compressed of a part over 1 MiB; ordinary sheet XML is below 30. */
  maxRatio: 200,
  /** Rows of all sheets together. */
  maxRows: 100_000,
  /** Cells of all sheets together (100,000 rows of 20 columns). */
  maxCells: 2_000_000,
} as const;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

const tooLarge = (what: string) =>
  new ExcelImportError(
    'too-large',
    `The workbook is too large to read safely: ${what}. Split it into smaller files and import each.`,
  );

/** Counts `<name ` / `<name>` / `<name/>` tags in XML arriving in chunks (a tag may straddle two). */
class TagCounter {
  count = 0;
  private at = 0;
  private readonly tag: Uint8Array;
  constructor(name: string) {
    this.tag = new TextEncoder().encode(`<${name}`);
  }
  feed(chunk: Uint8Array): void {
    const tag = this.tag;
    let i = 0;
    while (i < chunk.length) {
      if (this.at === 0) {
        // Most bytes are not '<': jump to the next one.
        const next = chunk.indexOf(0x3c, i);
        if (next === -1) return;
        this.at = 1;
        i = next + 1;
        continue;
      }
      const b = chunk[i] as number;
      if (this.at === tag.length) {
        // After the name: white space, '>' or '/' ends it (so <col and <cols are not <c).
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) this.count++;
        this.at = 0;
      } else if (b === tag[this.at]) {
        this.at++;
        i++;
      } else this.at = 0;
    }
  }
}

const SHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/;
/** Compressed bytes per push: deflate inflates at most ~1,032-fold, so one push yields at most ~16 MB. */
const STEP = 16 * 1024;

/**
 * Refuses, before exceljs sees it, a workbook that declares or really inflates to more than XLSX_LIMITS:
 * first from the zip's central directory (no inflating), then by inflating each part in small steps,
 * counting bytes (a zip can lie about sizes), rows and cells, and stopping at the first limit passed.
 * Nothing inflated is kept, so this costs time (about a tenth of exceljs's) but no memory.
 */
export function checkXlsxLimits(bytes: Uint8Array): void {
  let entries: ReturnType<typeof checkZip>;
  try {
    entries = checkZip(bytes, {
      maxTotalBytes: XLSX_LIMITS.maxTotalBytes,
      maxEntryBytes: XLSX_LIMITS.maxPartBytes,
      maxEntries: XLSX_LIMITS.maxEntries,
      maxRatio: XLSX_LIMITS.maxRatio,
    });
  } catch (err) {
    if (!(err instanceof ZipLimitError)) throw err;
    if (err.reason === 'not-a-zip')
      throw new ExcelImportError('corrupt', `The .xlsx file is damaged and cannot be read (${err.message}).`);
    throw tooLarge(err.message);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = new TagCounter('row');
  const cells = new TagCounter('c');
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const at = entry.offset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
      throw new ExcelImportError('corrupt', `The .xlsx file is damaged and cannot be read (${entry.name}).`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const sheet = SHEET.test(entry.name);
    let size = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.length;
      total += chunk.length;
      if (sheet) {
        rows.feed(chunk);
        cells.feed(chunk);
      }
    };
    const check = () => {
      if (size > XLSX_LIMITS.maxPartBytes)
        throw tooLarge(`${entry.name} inflates to more than ${mb(XLSX_LIMITS.maxPartBytes)} (limit)`);
      if (total > XLSX_LIMITS.maxTotalBytes)
        throw tooLarge(`it inflates to more than ${mb(XLSX_LIMITS.maxTotalBytes)} (limit)`);
      if (rows.count > XLSX_LIMITS.maxRows)
        throw tooLarge(`more than ${XLSX_LIMITS.maxRows.toLocaleString('en')} rows (limit)`);
      if (cells.count > XLSX_LIMITS.maxCells)
        throw tooLarge(`more than ${XLSX_LIMITS.maxCells.toLocaleString('en')} cells (limit)`);
    };
    if (entry.method === 0) {
      take(data);
      check();
      continue;
    }
    if (entry.method !== 8)
      throw new ExcelImportError('corrupt', `The .xlsx file uses an unknown compression (${entry.name}).`);
    const inflate = new Inflate(take);
    try {
      for (let i = 0; i < data.length; i += STEP) {
        inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
        check();
      }
    } catch (err) {
      if (err instanceof ExcelImportError) throw err;
      throw new ExcelImportError(
        'corrupt',
        `The .xlsx file is damaged and cannot be read (${entry.name}: ${err instanceof Error ? err.message : String(err)}).`,
      );
    }
  }
}
