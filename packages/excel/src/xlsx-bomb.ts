// Test and measurement support: small .xlsx files whose one sheet inflates to far more than they weigh.
import { Deflate, strToU8, zipSync } from 'fflate';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>活动名称</t></is></c></row>';
const TAIL = '</sheetData></worksheet>';

const CELL = '<c t="inlineStr"><is><t>安全生产宣传活动</t></is></c>';

/** 0 → A, 26 → AA. */
function columnName(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A workbook whose sheet has `rows` rows of `cellsPerRow` cells (61 bytes a cell, with no reference, so
 * it compresses 280-fold): 16,000 rows of 200 cells is a 196 MB sheet in a file of 694 KB. exceljs parses
 * such a sheet whole before it finds the cells unnumbered; numbered cells (`{r}`) compress 25-fold. With
 * `lie`, the zip declares the sheet 1 KB, as a hostile file may.
 */
export function xlsxBomb(options: {
  rows: number;
  cellsPerRow: number;
  /** The XML of one cell, `{r}` standing for its reference (B7); the default is a short inline text, unnumbered. */
  cell?: string;
  lie?: boolean;
}): Uint8Array {
  const { rows, cellsPerRow } = options;
  // Deflated row by row so a 200 MB sheet is never held in memory; repeated rows compress about 200-fold.
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  let size = 0;
  let crc = 0;
  const push = (s: string, final = false) => {
    const bytes = strToU8(s);
    size += bytes.length;
    crc = crc32(crc, bytes);
    deflate.push(bytes, final);
  };
  push(HEAD);
  const cell = options.cell ?? CELL;
  const columns = Array.from({ length: cellsPerRow }, (_, i) => columnName(i));
  const same = cell.includes('{r}') ? null : cell.repeat(cellsPerRow);
  let batch = '';
  for (let r = 2; r <= rows + 1; r++) {
    batch += `<row r="${r}">${same ?? columns.map((c) => cell.replace('{r}', `${c}${r}`)).join('')}</row>`;
    if (batch.length > 1_000_000) {
      push(batch);
      batch = '';
    }
  }
  push(batch);
  push(TAIL, true);
  let length = 0;
  for (const p of parts) length += p.length;
  const sheet = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    sheet.set(p, at);
    at += p.length;
  }
  // zipSync stores the already deflated sheet; its headers are then patched to say "deflated".
  const marker = 'xl/worksheets/sheet1.xml';
  const zip = zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(RELS),
      'xl/workbook.xml': strToU8(WORKBOOK),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      [marker]: [sheet, { level: 0 }],
    },
    { level: 6 },
  );
  patchEntry(zip, marker, options.lie ? 1024 : size, crc);
  return zip;
}

let table: Uint32Array | undefined;
function crc32(crc: number, bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/** Marks the entry `name` as deflated with the given size and CRC, in its local and central headers. */
function patchEntry(zip: Uint8Array, name: string, size: number, crc: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = strToU8(name);
  const matches = (at: number) => nameBytes.every((b, i) => zip[at + i] === b);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && matches(i + 30)) {
      view.setUint16(i + 8, 8, true);
      view.setUint32(i + 14, crc, true);
      view.setUint32(i + 22, size, true);
    } else if (sig === 0x02014b50 && matches(i + 46)) {
      view.setUint16(i + 10, 8, true);
      view.setUint32(i + 16, crc, true);
      view.setUint32(i + 24, size, true);
    }
  }
}
