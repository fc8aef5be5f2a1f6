import { blankSearchText, type Slot } from '@tianbao/templates';
import { useMemo, useState } from 'react';
import { blankTitles } from '../utils/portal-values';

const MAX_SHOWN = 8;

/** 更正: find the template blank this page control really is, by words, or say it takes none. */
export function SlotPicker(props: {
  slots: readonly Slot[];
  current: string | null;
  onPick: (slotId: string | null) => void;
  onCancel: () => void;
}) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => {
    const words = query.trim().split(/\s+/).filter(Boolean);
    const table = { slots: props.slots as Slot[] };
    return props.slots
      .filter((s) => {
        const text = `${blankTitles(props.slots, s).name} ${blankSearchText(table, s)} ${(s.labels ?? []).join(' ')}`;
        return words.every((w) => text.includes(w));
      })
      .slice(0, MAX_SHOWN);
  }, [props.slots, query]);
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
      <ul className="slot-options">
        {found.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`slot-option${s.id === props.current ? ' current' : ''}`}
              onClick={() => props.onPick(s.id)}
            >
              {blankTitles(props.slots, s).name}
              {s.unit && !s.after.trim().startsWith(s.unit) ? (
                <span className="muted">（{s.unit}）</span>
              ) : null}
            </button>
          </li>
        ))}
        {found.length === 0 ? <li className="muted">没有找到，换个词试试</li> : null}
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
