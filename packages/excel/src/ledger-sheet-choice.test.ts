import { describe, expect, it } from 'vitest';
import { exportXlsx } from './export-workbook.ts';
import { readLedger } from './ledger-import.ts';
import { ledgerSheetIndex } from './ledger-sheet-choice.ts';
import { daxinganlingTemplate, entry, meta } from './test-support.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ row: i + 2, cells: [] }));

describe('which sheet a 台账 import starts on', () => {
  it('the product’s own export: 活动台账, not the longer 指标明细', () => {
    const sheets = [
      { name: '统计表', rows: rows(30) },
      { name: '指标明细', rows: rows(94) },
      { name: '活动台账', rows: rows(4) },
    ];
    expect(ledgerSheetIndex(sheets)).toBe(2);
  });

  it('an export written by the product and read back: its 活动台账 sheet', async () => {
    const bytes = await exportXlsx({
      template: daxinganlingTemplate(),
      meta: meta(),
      profile: null,
      entries: [entry(), entry({ id: 'e2', title: '应急演练' })],
      plans: [],
      stats: [],
    });
    const sheets = await readLedger(bytes);
    const i = ledgerSheetIndex(sheets);
    expect(sheets[i]?.name).toBe('活动台账');
    expect(sheets[i]?.rows.length).toBe(2);
    expect(sheets.some((s) => s.rows.length > 2)).toBe(true);
  });

  it('a hand-kept workbook: the sheet with the most rows', () => {
    expect(
      ledgerSheetIndex([
        { name: '说明', rows: rows(2) },
        { name: '6月', rows: rows(40) },
      ]),
    ).toBe(1);
    expect(ledgerSheetIndex([{ name: 'Sheet1', rows: [] }])).toBe(0);
  });
});
