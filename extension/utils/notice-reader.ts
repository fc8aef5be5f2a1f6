import { NOTICE_MAX_BYTES, NoticeFileError, readNoticeFile } from '@tianbao/templates';
import { draftFromNotice, type NoticeDraft } from './notice-draft';
import { loadBrowserPdfJs } from './pdfjs-browser';

/** The file kinds the picker offers; .doc/.wps are accepted so the person gets the 另存为 .docx message. */
export const NOTICE_ACCEPT = '.docx,.pdf,.doc,.wps,.htm,.html,.txt';

/**
 * Reads a dropped or picked notice file into the review screen's draft. Refusals (.doc, .wps, an encrypted
 * or scanned PDF, a damaged file) throw a NoticeFileError whose messageZh says what to do instead.
 */
export async function readNotice(file: File): Promise<NoticeDraft> {
  if (file.size > NOTICE_MAX_BYTES)
    throw NoticeFileError.tooLarge(`${(file.size / 1024 / 1024).toFixed(1)} MiB, limit 30 MiB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await readNoticeFile(bytes, file.name, { pdfjs: loadBrowserPdfJs });
  return draftFromNotice(result, file.name);
}
