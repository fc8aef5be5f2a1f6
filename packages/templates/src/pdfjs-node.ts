import type { PdfJsLib } from './read-pdf.ts';

/**
 * pdf.js for Node (CLI, tests): the legacy build, which runs its worker in-process. Kept out of the
 * package's main entry so the extension bundles only the browser build and its own worker.
 */
export async function loadNodePdfJs(): Promise<PdfJsLib> {
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsLib;
}
