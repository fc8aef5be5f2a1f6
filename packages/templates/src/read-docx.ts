import mammoth from 'mammoth';
import { NoticeFileError } from './notice-file-error.ts';
import { parseHtmlTable } from './parse-html-table.ts';
import type { RawRow } from './raw-table.ts';
import { checkZip, ZipLimitError } from './zip-limits.ts';

/**
 * A .docx notice as rows: mammoth turns it into HTML (tables keep their merged cells as rowspan/colspan),
 * which the HTML importer reads. Images are dropped unread (a seal or a QR code says nothing to import).
 */
export async function readDocx(bytes: Uint8Array): Promise<RawRow[]> {
  let names: string[];
  try {
    names = checkZip(bytes).map((e) => e.name);
  } catch (err) {
    if (err instanceof ZipLimitError && err.reason !== 'not-a-zip')
      throw NoticeFileError.tooLarge(err.message);
    throw NoticeFileError.unreadable('docx', err);
  }
  if (!names.includes('word/document.xml')) {
    throw names.some((n) => n.startsWith('xl/'))
      ? NoticeFileError.wrongType('xlsx')
      : NoticeFileError.unreadable('docx', new Error('no word/document.xml in the zip'));
  }
  let html: string;
  try {
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; JSZip takes a Uint8Array for either.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch (err) {
    throw NoticeFileError.unreadable('docx', err);
  }
  return parseHtmlTable(html);
}
