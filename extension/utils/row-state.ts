import type { FillValue } from '@tianbao/autofill';
import type { PortalRow } from './portal-rows';

/**
 * What 一键填报 does with a page control, the side panel's grouping: waits for the person (需确认), leaves
 * someone's other answer alone (网页上已有不同内容), writes (将填写 → 已填写), has nothing to do (已一致),
 * has no figure yet (未填), or has no blank for it (未匹配).
 */
export type RowState = 'unsure' | 'differs' | 'will-fill' | 'filled' | 'same' | 'no-data' | 'unmatched';

const number = (s: string) => Number(s.replace(/[,，\s]/g, ''));

/** The page already shows the log's value (the way a person would read it: 1,200 is 1200, 是 is true). */
export function samePageValue(
  row: Pick<PortalRow, 'current' | 'option' | 'kind'>,
  value: FillValue,
): boolean {
  const shown = row.kind === 'choice' ? (row.option ?? '') : row.current.trim();
  if (typeof value === 'boolean') return shown === (value ? '是' : '否');
  if (typeof value === 'number') return shown !== '' && number(shown) === value;
  return shown === value.trim();
}

/**
 * The row's state. Before a fill it is judged from what the page shows; after one, `differs` (the controls
 * the fill left alone because they held another answer) says which ones really differ.
 */
export function rowState(
  row: PortalRow,
  value: FillValue | null | undefined,
  filled: boolean,
  differs?: ReadonlySet<string>,
): RowState {
  if (!row.slotId || row.status === 'unmatched') return 'unmatched';
  if (filled) return 'filled';
  if (value === null || value === undefined || value === '') return 'no-data';
  if (row.status === 'unsure') return 'unsure';
  // The unticked box of another answer (否 when the log says 是) stays unticked: nothing to do. Listed
  // under 将填写 it stayed there after 一键填报 had ticked its partner, as if something were still to fill.
  if (row.kind === 'choice' && row.option && !row.answered && !samePageValue(row, value)) return 'same';
  if (differs) return differs.has(row.key) ? 'differs' : row.answered ? 'same' : 'will-fill';
  if (!row.answered) return 'will-fill';
  return samePageValue(row, value) ? 'same' : 'differs';
}
