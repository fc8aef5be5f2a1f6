// The dashboard exports inside the MV3 extension, off the UI thread: this runs the bytes path in a Web Worker
// of real Chromium, bundled for the browser (exceljs's browser build), and reads the result back with SheetJS.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportInput } from './export-workbook.ts';
// `meta` is imported under another name: vite's SSR transform would also rewrite the one in `import.meta`.
import { daxinganlingTemplate, entry, meta as logMeta, plan, profile, sid, stat } from './test-support.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ORIGIN = 'http://tianbao.test';

const workerSource = `
import { exportXlsx } from './index.ts';
self.onmessage = async (e) => {
  try {
    const bytes = await exportXlsx(e.data);
    self.postMessage({ bytes }, [bytes.buffer]);
  } catch (err) {
    self.postMessage({ error: String(err && err.stack || err) });
  }
};
`;

describe('export in a Web Worker of Chromium', () => {
  it('writes the workbook (bytes path, exceljs browser build) and SheetJS reads it back', async () => {
    const bundle = await esbuild.build({
      stdin: { contents: workerSource, resolveDir: here, loader: 'ts', sourcefile: 'export-worker.ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    expect(code).not.toContain('require("fs")');

    const t = daxinganlingTemplate();
    const k = (i: number) => `${t.id}/${sid(t, i)}`;
    const input: ExportInput = {
      template: t,
      meta: logMeta(),
      profile: profile(),
      date: '2020-06-30',
      entries: Array.from({ length: 500 }, (_, i) =>
        entry({ title: `活动${i}`, contributions: { [k(7)]: i } }),
      ),
      plans: [plan()],
      stats: [stat(k(6), 12), stat(k(7), 124750), stat(k(74), true)],
    };

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.route(`${ORIGIN}/**`, (route) => {
        const url = route.request().url();
        if (url.endsWith('/worker.js')) return route.fulfill({ contentType: 'text/javascript', body: code });
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>export</title>' });
      });
      await page.goto(`${ORIGIN}/`);
      const result = await page.evaluate(
        async (data) => {
          const w = new Worker('/worker.js');
          const reply = await new Promise<{ bytes?: Uint8Array; error?: string }>((resolve) => {
            w.onmessage = (e) => resolve(e.data);
            w.onerror = (e) => resolve({ error: e.message });
            w.postMessage(data);
          });
          w.terminate();
          return reply.error ? { error: reply.error } : { bytes: Array.from(reply.bytes ?? []) };
        },
        JSON.parse(JSON.stringify(input)) as ExportInput,
      );
      expect(result.error).toBeUndefined();
      const wb = XLSX.read(new Uint8Array(result.bytes ?? []), { type: 'array' });
      const ws = (name: string) => wb.Sheets[name] as XLSX.WorkSheet;
      expect(wb.SheetNames).toEqual(['统计表', '指标明细', '活动台账', '联络员', '重点活动计划', '_tianbao']);
      expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 0, 0, 1]);
      const detail = XLSX.utils.sheet_to_json<unknown[]>(ws('指标明细'), {
        header: 1,
      });
      expect(detail.find((r) => r[7] === k(7))?.[5]).toBe(124750);
      const ledger = XLSX.utils.sheet_to_json<unknown[]>(ws('活动台账'), {
        header: 1,
      });
      expect(ledger.length).toBe(501);
      const table = ws('统计表');
      expect((table['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))).toContain('A4:A9');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
