import { NoticeFileError } from './notice-file-error.ts';
import { importNotice, type NoticeImport } from './notice-import.ts';
import { looksLikeHtml, parseHtmlTable } from './parse-html-table.ts';
import { parseTextTable } from './parse-text-table.ts';
import { readDocx } from './read-docx.ts';
import { type PdfJsLib, readPdf } from './read-pdf.ts';

/** Largest notice file read (a notice with scanned attachments is a few MB; more is not a notice). */
export const NOTICE_MAX_BYTES = 30 * 1024 * 1024;

export type NoticeFormat = 'docx' | 'pdf' | 'html' | 'text';

export interface NoticeFileResult extends NoticeImport {
  format: NoticeFormat;
}

export interface NoticeFileOptions {
  /** pdf.js, loaded only when the file is a PDF (the extension bundles its worker; Node uses the legacy build). */
  pdfjs?: () => Promise<PdfJsLib>;
  year?: number;
}

/**
 * Reads the notice file a unit received: .docx (through mammoth), PDF with a text layer (through pdf.js),
 * or a saved web page / text. Refuses .doc, .wps, RTF, encrypted and scanned files with a NoticeFileError
 * that says what to do instead. The file's content decides, not its name.
 */
export async function readNoticeFile(
  bytes: Uint8Array,
  fileName: string,
  options: NoticeFileOptions = {},
): Promise<NoticeFileResult> {
  if (bytes.length > NOTICE_MAX_BYTES)
    throw NoticeFileError.tooLarge(`${(bytes.length / 1024 / 1024).toFixed(1)} MiB, limit 30 MiB`);
  const ext = /\.([a-z0-9]+)$/iu.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = Array.from(bytes.subarray(0, 8));
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  const opts = { fileName, ...(options.year ? { year: options.year } : {}) };
  // OLE2 compound file: .doc, .wps, or a password-protected .docx (Word wraps those in OLE2 too).
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    throw NoticeFileError.oldWord(ext === 'wps' ? 'wps' : ext === 'docx' ? 'encrypted' : 'doc');
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) throw NoticeFileError.oldWord('rtf');
  if (starts(0x50, 0x4b)) return { ...importNotice(await readDocx(bytes), opts), format: 'docx' };
  if (starts(0x25, 0x50, 0x44, 0x46)) {
    if (!options.pdfjs) throw new Error('readNoticeFile: a PDF needs options.pdfjs');
    const pdf = await readPdf(bytes, await options.pdfjs());
    const result = importNotice(pdf.rows, opts);
    return { ...result, warnings: [...pdf.warnings, ...result.warnings], format: 'pdf' };
  }
  if (ext === 'doc' || ext === 'wps') throw NoticeFileError.oldWord(ext);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    throw NoticeFileError.wrongType('other');
  }
  if (text.includes('\u0000')) throw NoticeFileError.wrongType('other');
  if (looksLikeHtml(text)) return { ...importNotice(parseHtmlTable(text), opts), format: 'html' };
  return { ...importNotice(parseTextTable(text), opts), format: 'text' };
}
