import type { PdfJsLib } from '@tianbao/templates';
// The worker ships as a file of the extension (pages may only run the extension's own scripts).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** pdf.js for an extension page, loaded only when a PDF is dropped (it is large). */
export async function loadBrowserPdfJs(): Promise<PdfJsLib> {
  const lib = await import('pdfjs-dist');
  lib.GlobalWorkerOptions.workerSrc = workerUrl;
  return lib as unknown as PdfJsLib;
}
