import { TERM } from '@tianbao/templates';
import { useState } from 'react';
import { ExcelExport } from './excel-export';
import { ExcelLedgerImport } from './excel-ledger-import';
import { ExcelRollup } from './excel-rollup';

const MODES = [
  ['export', TERM.exportExcel, ExcelExport],
  ['ledger', TERM.importLedger, ExcelLedgerImport],
  ['rollup', TERM.rollup, ExcelRollup],
] as const;
type Mode = (typeof MODES)[number][0];

/** Excel导入导出: the official workbook out, a hand-kept 台账 in, sub-units' tables summed. */
export function ExcelTab() {
  const [mode, setMode] = useState<Mode>('export');
  const Current = (MODES.find(([id]) => id === mode) ?? MODES[0])[2];
  return (
    <section className="tab excel-tab">
      <div className="excel-modes" role="tablist" aria-label={TERM.excelTab}>
        {MODES.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={id === mode}
            className={id === mode ? 'active' : ''}
            onClick={() => setMode(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <Current />
    </section>
  );
}
