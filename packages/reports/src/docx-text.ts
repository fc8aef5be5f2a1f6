import mammoth from 'mammoth';

/**
 * A second reader for the documents this package writes (tests and checks): the text mammoth sees,
 * one paragraph per line. Word and WPS open what mammoth reads; LibreOffice renders are checked in e2e.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value.replace(/\n{2,}/g, '\n').trim();
}
