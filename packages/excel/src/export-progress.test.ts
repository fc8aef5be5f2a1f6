import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { WriteProgress } from './adapter.ts';
import { type ExportInput, exportXlsx, exportXlsxToStream } from './export-workbook.ts';
import { daxinganlingTemplate, entry, meta, profile } from './test-support.ts';

const input = (n: number): ExportInput => ({
  template: daxinganlingTemplate(),
  meta: meta(),
  profile: profile(),
  entries: Array.from({ length: n }, (_, i) => entry({ title: `活动${i}` })),
  plans: [],
  stats: [],
});

describe('progress and cancellation of a large export', () => {
  it('reports rows written against the total, then the zip step', async () => {
    const seen: WriteProgress[] = [];
    await exportXlsx(input(5000), { onProgress: (p) => seen.push(p) });
    const rows = seen.filter((p) => p.phase === 'rows');
    expect(rows.map((p) => p.rows)).toEqual([2000, 4000]);
    // 5001 ledger rows plus the small sheets (统计表, 指标明细, 联络员, 计划, hidden).
    const total = rows[0]?.total ?? 0;
    expect(total).toBeGreaterThan(5001);
    expect(total).toBeLessThan(5200);
    expect(seen.at(-1)).toEqual({ phase: 'zip', rows: total, total });
  });

  it('stops when the signal is aborted, in memory and streaming', async () => {
    for (const run of [
      (o: { signal: AbortSignal; onProgress: () => void }) => exportXlsx(input(10_000), o),
      (o: { signal: AbortSignal; onProgress: () => void }) =>
        exportXlsxToStream(input(10_000), new PassThrough(), o),
    ]) {
      const ctl = new AbortController();
      let reports = 0;
      const p = run({
        signal: ctl.signal,
        onProgress: () => {
          reports++;
          ctl.abort(new Error('cancelled by the user'));
        },
      });
      await expect(p).rejects.toThrow('cancelled by the user');
      expect(reports).toBe(1);
    }
  });

  it('an already aborted signal writes nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(exportXlsx(input(10), { signal: ctl.signal })).rejects.toThrow();
  });
});
