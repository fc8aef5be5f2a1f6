import { type Slot, SOURCE_LABEL } from '@tianbao/templates';
import { memo, useState } from 'react';
import type { PortalRow } from '../utils/portal-rows';
import { formatValue, type PanelValue, slotTitle } from '../utils/portal-values';
import { SlotPicker } from './slot-picker';

/** One control of the portal page: what the page calls it, the blank it gets, the value and its source. */
export const FieldRow = memo(function FieldRow(props: {
  row: PortalRow;
  slot: Slot | undefined;
  value: PanelValue | undefined;
  slots: readonly Slot[];
  confirmed: boolean;
  /** Written into the page by the last 一键填报. */
  filled: boolean;
  /** A colleague's correction decides this row (stored in the unit log for this page). */
  learned: boolean;
  onConfirm: (key: string, on: boolean) => void;
  onCorrect: (key: string, slotId: string | null) => void;
  onRestore: (key: string) => void;
}) {
  const { row, slot, value } = props;
  const [picking, setPicking] = useState(false);
  const hasValue = value?.value !== null && value?.value !== undefined;
  return (
    <li className={`field-row status-${row.status}`} data-key={row.key}>
      <div className="field-page" title={row.reason}>
        {row.label}
        {row.framePath ? <span className="frame-tag">框架 {row.framePath}</span> : null}
      </div>
      {slot ? (
        <div className="field-slot">
          <span className="arrow">→</span> {slotTitle(slot)}
        </div>
      ) : (
        <div className="field-slot muted">{row.reason || '没有对应的统计项'}</div>
      )}
      {slot ? (
        <div className="field-fill">
          <span className={`field-value${hasValue ? '' : ' empty'}`}>
            {formatValue(value?.value ?? null)}
          </span>
          <span className={`source-tag source-${value?.from ?? 'empty'}`} title={value?.explanation}>
            {value?.source ?? SOURCE_LABEL.empty}
          </span>
          {props.filled ? <span className="tag ok filled-tag">已填</span> : null}
          {row.status === 'unsure' ? (
            <span className="confidence" title={row.reason}>
              把握 {Math.round(row.confidence * 100)}%
            </span>
          ) : null}
          {row.status === 'unsure' ? (
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
            更正
          </button>
        </div>
      ) : (
        <div className="field-fill">
          <button type="button" className="link small-link" onClick={() => setPicking(!picking)}>
            指定对应项
          </button>
        </div>
      )}
      {props.learned ? (
        <div className="field-learned">
          <span className="tag">已校正</span>
          <button type="button" className="link small-link" onClick={() => props.onRestore(row.key)}>
            恢复自动匹配
          </button>
        </div>
      ) : null}
      {picking ? (
        <SlotPicker
          slots={props.slots}
          current={row.slotId}
          onCancel={() => setPicking(false)}
          onPick={(id) => {
            setPicking(false);
            props.onCorrect(row.key, id);
          }}
        />
      ) : null}
    </li>
  );
});
