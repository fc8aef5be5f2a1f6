import { SHEET } from './export-workbook.ts';
import type { LedgerSheet } from './ledger-import.ts';

/**
 * The sheet a 台账 import starts on: the product's own export names its ledger 活动台账 (its 指标明细 has
 * more rows but is not a ledger); a hand-kept workbook's ledger is most likely the sheet with the most
 * rows (others hold notes or totals). The person can still pick another.
 */
export function ledgerSheetIndex(sheets: readonly Pick<LedgerSheet, 'name' | 'rows'>[]): number {
  const named = sheets.findIndex((s) => s.name.trim() === SHEET.ledger);
  if (named >= 0) return named;
  return sheets.reduce((b, s, i) => ((sheets[b]?.rows.length ?? 0) < s.rows.length ? i : b), 0);
}
