import { numberProblem } from '@tianbao/core';
import type { ReadValue, WorkbookReader } from './adapter.ts';
import { ExcelImportError } from './errors.ts';
import { exceljsReader } from './exceljs-adapter.ts';
import { DETAIL_HEADERS, EXPORT_FORMAT, SHEET } from './export-workbook.ts';
import type { SlotValue } from './records.ts';
import type { TemplateSlot } from './template.ts';

/** What a Tianbao export says about itself and its blanks, as read back from the file. */
export interface ExportedTable {
  templateId: string;
  templateVersion: string;
  kind: string;
  unitId: string;
  unitName: string;
  campaign: string;
  /** Set on a roll-up that misses sub-units: 「不完整：缺少 N 个下级单位」. */
  incomplete?: string;
  /** By slot id; numbers as numbers, everything else as the text in the cell, empty blanks null. */
  values: Record<string, number | string | null>;
}

const str = (v: ReadValue | undefined) =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v).trim();

/**
 * Reads an exported table back: the hidden sheet says which template and unit, 指标明细 gives each blank's
 * value by its slot key (so a value corrected by hand in that sheet before sending is what counts).
 */
export async function readExportedTable(
  bytes: Uint8Array,
  reader: WorkbookReader = exceljsReader,
): Promise<ExportedTable> {
  const sheets = await reader.read(bytes);
  const meta = sheets.find((s) => s.name === SHEET.meta);
  const info = new Map((meta?.rows ?? []).map((r) => [str(r[0]), str(r[1])]));
  if (!meta || info.get('format') !== EXPORT_FORMAT) {
    throw new ExcelImportError(
      'not-tianbao-export',
      'This workbook is not a table exported by Tianbao (its hidden template sheet is missing).',
    );
  }
  const templateId = info.get('templateId') ?? '';
  const detail = sheets.find((s) => s.name === SHEET.detail);
  const head = detail?.rows[0]?.map(str) ?? [];
  const keyCol = head.indexOf(DETAIL_HEADERS[7]);
  const valueCol = head.indexOf(DETAIL_HEADERS[5]);
  if (!detail || keyCol < 0 || valueCol < 0) {
    throw new ExcelImportError(
      'corrupt',
      `The sheet "${SHEET.detail}" with the blanks' values is missing or altered.`,
    );
  }
  const values: Record<string, number | string | null> = {};
  const prefix = `${templateId}/`;
  for (const row of detail.rows.slice(1)) {
    const key = str(row[keyCol]);
    if (!key.startsWith(prefix)) continue;
    const v = row[valueCol];
    values[key.slice(prefix.length)] =
      typeof v === 'number' ? v : v === null || v === undefined || str(v) === '' ? null : str(v);
  }
  return {
    templateId,
    templateVersion: info.get('templateVersion') ?? '',
    kind: info.get('kind') ?? 'export',
    unitId: info.get('unitId') ?? '',
    unitName: info.get('unitName') ?? '',
    campaign: info.get('campaign') ?? '',
    ...(info.get('incomplete') ? { incomplete: info.get('incomplete') as string } : {}),
    values,
  };
}

/**
 * A value read from a file, as the slot's kind: numbers for number and percent blanks ('12' too), 是/否 as
 * booleans. `undefined` means the cell holds something the blank cannot take.
 */
export function coerceValue(slot: TemplateSlot, raw: number | string | null): SlotValue | null | undefined {
  if (raw === null) return null;
  if (slot.kind === 'number' || slot.kind === 'percent') {
    const n = typeof raw === 'number' ? raw : raw.trim() ? Number(raw.replace(/[,%％\s]/g, '')) : Number.NaN;
    // A count is whole and below 10^12, a percentage within 0–100 (core's number rules).
    return numberProblem(n, slot.kind) ? undefined : n;
  }
  if (slot.kind === 'boolean') {
    const s = String(raw).trim();
    if (/^(是|☑是.*|true|yes|√)$/i.test(s)) return true;
    if (/^(否|.*☑否|false|no|×)$/i.test(s)) return false;
    return undefined;
  }
  return String(raw);
}
