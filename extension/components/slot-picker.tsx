import type { FieldKind } from '@tianbao/autofill';
import { blankSearchText, type Slot } from '@tianbao/templates';
import { useMemo, useState } from 'react';
import { blankTitles } from '../utils/portal-values';
import { blanksForUnit } from '../utils/unit-blanks';

const MAX_SHOWN = 8;

/**
 * 更正: find the template blank this page control really is, by words, or say it takes none. A control
 * the page counts in a unit is offered only blanks of that unit, and the picker says so.
 */
export function SlotPicker(props: {
  slots: readonly Slot[];
  /** The unit the page counts this control in ('' for none) and the control's kind. */
  unit: string;
  kind: FieldKind;
  current: string | null;
  onPick: (slotId: string | null) => void;
  onCancel: () => void;
}) {
  const [query, setQuery] = useState('');
  const offered = useMemo(
    () => blanksForUnit(props.slots, props.unit, props.kind),
    [props.slots, props.unit, props.kind],
  );
  const found = useMemo(() => {
    const words = query.trim().split(/\s+/).filter(Boolean);
    const table = { slots: props.slots as Slot[] };
    return offered
      .filter((s) => {
        const text = `${blankTitles(props.slots, s).name} ${blankSearchText(table, s)} ${(s.labels ?? []).join(' ')}`;
        return words.every((w) => text.includes(w));
      })
      .slice(0, MAX_SHOWN);
  }, [props.slots, offered, query]);
  return (
    <div className="slot-picker">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="搜索统计表中的项目，如：演练 人次"
        aria-label="搜索要对应的项目"
        // biome-ignore lint/a11y/noAutofocus: the person just asked to correct this row
        autoFocus
      />
      {props.unit ? <p className="picker-unit muted">只列出单位为“{props.unit}”的空</p> : null}
      <ul className="slot-options">
        {found.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`slot-option${s.id === props.current ? ' current' : ''}`}
              data-slot={s.id}
              onClick={() => props.onPick(s.id)}
            >
              {blankTitles(props.slots, s).name}
              {s.unit && !s.after.trim().startsWith(s.unit) ? (
                <span className="muted">（{s.unit}）</span>
              ) : null}
            </button>
          </li>
        ))}
        {found.length === 0 ? (
          <li className="muted">
            {!offered.length
              ? `统计表中没有单位为“${props.unit}”的空`
              : props.unit
                ? `没有找到单位为“${props.unit}”的相符项，换个词试试`
                : '没有找到，换个词试试'}
          </li>
        ) : null}
      </ul>
      <div className="picker-actions">
        <button type="button" className="small" onClick={() => props.onPick(null)}>
          不填写此项
        </button>
        <button type="button" className="small link" onClick={props.onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
