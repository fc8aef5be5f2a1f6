// A second reader for the documents: PDFs read with poppler (pdfinfo, pdftotext, pdftoppm), and Word and
// Excel files turned into PDFs by LibreOffice, as a person opening them in WPS or LibreOffice would see them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS } from './extension-browser.ts';

export interface PdfFile {
  path: string;
  pages: number;
  /** e.g. "595.276 x 841.89 pts (A4)". */
  pageSize: string;
  /** The text of page n (1-based), or of the whole file. */
  text(page?: number): string;
  /** The text of page n right of x (points from the left edge): one column of a table, in reading order. */
  textRightOf(page: number, x: number): string;
  /** Writes every page as tests/screenshots/<name>-<n>.png (to look at) and returns their paths. */
  pictures(name: string, dpi?: number): string[];
}

const work = mkdtempSync(join(tmpdir(), 'tianbao-pdf-'));

export function readPdf(bytes: Uint8Array, name = 'document'): PdfFile {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, bytes);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1] ?? Number.NaN);
  const pageSize = /^Page size:\s+(.+)$/mu.exec(info)?.[1]?.trim() ?? '';
  return {
    path,
    pages,
    pageSize,
    text: (page) =>
      execFileSync('pdftotext', [...(page ? ['-f', `${page}`, '-l', `${page}`] : []), path, '-'], {
        encoding: 'utf8',
      }),
    textRightOf: (page, x) =>
      execFileSync(
        'pdftotext',
        ['-f', `${page}`, '-l', `${page}`, '-r', '72', '-x', `${Math.floor(x)}`, '-y', '0'].concat([
          '-W',
          '2000',
          '-H',
          '2000',
          path,
          '-',
        ]),
        { encoding: 'utf8' },
      ),
    pictures(picName, dpi = 60) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const f of readdirSync(SCREENSHOTS))
        if (f.startsWith(`${picName}-`) && f.endsWith('.png')) rmSync(join(SCREENSHOTS, f));
      execFileSync('pdftoppm', ['-png', '-r', `${dpi}`, path, join(SCREENSHOTS, picName)]);
      return readdirSync(SCREENSHOTS)
        .filter((f) => f.startsWith(`${picName}-`) && f.endsWith('.png'))
        .sort()
        .map((f) => join(SCREENSHOTS, f));
    },
  };
}

/** Text without any white space: a PDF breaks lines wherever its layout did. */
export const squeeze = (s: string) => s.replace(/\s+/gu, '');

/** Whether LibreOffice is here (.ci/run installs it); the caller skips with a message when it is not. */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** A .docx or .xlsx turned into a PDF by LibreOffice, in a profile of its own (never meets another soffice). */
export function officeToPdf(bytes: Uint8Array, name: string, ext: 'docx' | 'xlsx'): Uint8Array {
  return officeToPdfs([{ bytes, name, ext }])[0] as Uint8Array;
}

/**
 * Several files turned into PDFs by one LibreOffice run (each soffice start costs seconds on a loaded
 * machine), in the order given. Names must differ.
 */
export function officeToPdfs(
  files: readonly { bytes: Uint8Array; name: string; ext: 'docx' | 'xlsx' }[],
): Uint8Array[] {
  const dir = mkdtempSync(join(work, 'lo-'));
  const inputs = files.map(({ bytes, name, ext }) => {
    const input = join(dir, `${name}.${ext}`);
    writeFileSync(input, bytes);
    return input;
  });
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${work}/lo-profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...inputs,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return files.map(({ name, ext }) => {
    try {
      return new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));
    } catch {
      throw new Error(`soffice wrote no PDF for ${name}.${ext}: ${r.stdout} ${r.stderr}`);
    }
  });
}
