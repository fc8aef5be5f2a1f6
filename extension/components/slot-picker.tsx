import { type FieldKind, slotUnit } from '@tianbao/autofill';
import type { MappingUnits } from '@tianbao/core';
import { blankSearchText, type Slot } from '@tianbao/templates';
import { useMemo, useState } from 'react';
import { blankTitles } from '../utils/portal-values';
import { blanksForUnit, blanksOfOtherUnits, otherUnitWords } from '../utils/unit-blanks';

const MAX_SHOWN = 8;

/**
 * 更正: find the template blank this page control really is, by words, or say it takes none. A control
 * the page counts in a unit is offered only blanks of that unit, and the picker says so; when the engine
 * misread the page's unit, 「显示其他单位的空」 lists the rest, marked with their units, and a choice
 * among them is asked once more before it is saved (with both units, which is what lets the engine obey
 * it: @tianbao/autofill never pairs two units otherwise).
 */
export function SlotPicker(props: {
  slots: readonly Slot[];
  /** The unit the page counts this control in ('' for none) and the control's kind. */
  unit: string;
  kind: FieldKind;
  current: string | null;
  onPick: (slotId: string | null, units?: MappingUnits) => void;
  onCancel: () => void;
}) {
  const [query, setQuery] = useState('');
  const [others, setOthers] = useState(false);
  const [asking, setAsking] = useState<Slot | null>(null);
  const offered = useMemo(
    () =>
      others
        ? blanksOfOtherUnits(props.slots, props.unit, props.kind)
        : blanksForUnit(props.slots, props.unit, props.kind),
    [props.slots, props.unit, props.kind, others],
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

  if (asking) {
    const blankUnit = slotUnit(asking);
    return (
      <div className="slot-picker">
        <p className="picker-ask" role="alert">
          此处为“{props.unit}”，所选的空
          {blankUnit ? `以“${blankUnit}”计` : otherUnitWords(asking).replace(/^填/, '要填')}，确定对应？
        </p>
        <p className="picker-ask-blank">{blankTitles(props.slots, asking).name}</p>
        <div className="picker-actions">
          <button
            type="button"
            className="small"
            onClick={() =>
              props.onPick(asking.id, blankUnit ? { page: props.unit, blank: blankUnit } : undefined)
            }
          >
            确定对应
          </button>
          <button type="button" className="small link" onClick={() => setAsking(null)}>
            返回
          </button>
        </div>
      </div>
    );
  }
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
      {props.unit ? (
        <p className="picker-unit muted">
          {others
            ? `以下是单位不是“${props.unit}”的空，选择后还会再问一次`
            : `只列出单位为“${props.unit}”的空`}
        </p>
      ) : null}
      <ul className="slot-options">
        {found.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`slot-option${s.id === props.current ? ' current' : ''}`}
              data-slot={s.id}
              onClick={() => (others ? setAsking(s) : props.onPick(s.id))}
            >
              {blankTitles(props.slots, s).name}
              {others ? (
                <span className="other-unit">（{otherUnitWords(s)}）</span>
              ) : s.unit && !s.after.trim().startsWith(s.unit) ? (
                <span className="muted">（{s.unit}）</span>
              ) : null}
            </button>
          </li>
        ))}
        {found.length === 0 ? (
          <li className="muted">
            {!offered.length
              ? others
                ? '统计表中没有其他单位的空'
                : `统计表中没有单位为“${props.unit}”的空`
              : props.unit && !others
                ? `没有找到单位为“${props.unit}”的相符项，换个词试试`
                : '没有找到，换个词试试'}
          </li>
        ) : null}
      </ul>
      <div className="picker-actions">
        <button type="button" className="small" onClick={() => props.onPick(null)}>
          不填写此项
        </button>
        {props.unit ? (
          <button type="button" className="small link" onClick={() => setOthers(!others)}>
            {others ? `只显示单位为“${props.unit}”的空` : '显示其他单位的空'}
          </button>
        ) : null}
        <button type="button" className="small link" onClick={props.onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
