import { slotUnit, unitsDiffer } from '@tianbao/autofill';
import { fullDayText, isValidDate, type MappingUnits } from '@tianbao/core';
import type { Slot } from '@tianbao/templates';
import { memo, useState } from 'react';
import { confidenceWords } from '../utils/confidence-words';
import type { PortalRow } from '../utils/portal-rows';
import { blankTitles, formatValue, type PanelValue } from '../utils/portal-values';
import type { RowState } from '../utils/row-state';
import { SlotPicker } from './slot-picker';

/**
 * One control of the portal page in two lines: what the page calls it with the value it gets, then the
 * blank of the table it is matched to with the value's source and the row's actions. Long words are cut
 * with … and shown whole on hover.
 */
export const FieldRow = memo(function FieldRow(props: {
  row: PortalRow;
  state: RowState;
  slot: Slot | undefined;
  value: PanelValue | undefined;
  slots: readonly Slot[];
  confirmed: boolean;
  /** A colleague's correction decides this row (stored in the unit log for this page). */
  learned: boolean;
  onConfirm: (key: string, on: boolean) => void;
  onCorrect: (key: string, slotId: string | null, units?: MappingUnits) => void;
  onRestore: (key: string) => void;
}) {
  const { row, slot, value, state } = props;
  const [picking, setPicking] = useState(false);
  const hasValue = value?.value !== null && value?.value !== undefined && value?.value !== '';
  const where = row.framePath ? '（在网页内嵌的框架中）' : '';
  const words = row.status === 'unsure' ? confidenceWords(row.confidence) : undefined;
  // The blank's own sentence first (what tells 参与（ ）人次 apart in a narrow line), its item after it.
  const { name: title, line } = slot ? blankTitles(props.slots, slot) : { name: '', line: '' };
  return (
    <li className={`field-row status-${row.status} state-${state}`} data-key={row.key}>
      <div className="row-line">
        <span className="field-page" title={`${row.label}${where}`}>
          {row.label}
        </span>
        {slot && hasValue ? (
          <span className={`source-tag source-${value?.from ?? 'empty'}`} title={value?.explanation}>
            {value?.source}
          </span>
        ) : null}
        {slot && hasValue ? (
          <span className="field-value">
            {value?.shown ??
              // A date as people write it (2026年12月4日); the page still gets the format it asks for.
              (slot.kind === 'date' && typeof value?.value === 'string' && isValidDate(value.value)
                ? fullDayText(value.value)
                : formatValue(value?.value ?? null))}
          </span>
        ) : null}
      </div>
      <div className="row-line second">
        {slot ? (
          <span className="field-slot" title={`${title}\n${row.reason}`}>
            <span className="arrow">→</span> {line}
          </span>
        ) : (
          <span className="field-slot muted" title={row.reason}>
            {row.reason || '没有对应的统计项'}
          </span>
        )}
        {state === 'differs' && row.current ? (
          <span className="page-value" title="网页上现有的内容">
            网页上：{row.kind === 'choice' ? row.option : row.current}
          </span>
        ) : null}
        {words ? (
          <span className={`confidence level-${words.level}`} title={`${words.meaning}\n${row.reason}`}>
            {words.word}
          </span>
        ) : null}
        {state === 'unsure' ? (
          <label className="confirm">
            <input
              type="checkbox"
              checked={props.confirmed}
              onChange={(e) => props.onConfirm(row.key, e.target.checked)}
              aria-label={`确认填写：${row.label}`}
            />
            确认填写
          </label>
        ) : null}
        <button type="button" className="link small-link" onClick={() => setPicking(!picking)}>
          {slot ? '更正' : '指定对应项'}
        </button>
      </div>
      {props.learned ? (
        <div className="field-learned">
          {slot && unitsDiffer(row.unit, slotUnit(slot)) ? (
            // A confirmed choice of another unit's blank stays visible, not only on hover.
            <span className="tag warn" title={row.reason}>
              已校正（单位不同）
            </span>
          ) : (
            <span className="tag">已校正</span>
          )}
          <button type="button" className="link small-link" onClick={() => props.onRestore(row.key)}>
            恢复自动匹配
          </button>
        </div>
      ) : null}
      {picking ? (
        <SlotPicker
          slots={props.slots}
          unit={row.unit}
          kind={row.kind}
          current={row.slotId}
          onCancel={() => setPicking(false)}
          onPick={(id, units) => {
            setPicking(false);
            props.onCorrect(row.key, id, units);
          }}
        />
      ) : null}
    </li>
  );
});
