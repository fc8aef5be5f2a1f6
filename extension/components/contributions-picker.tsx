import type { Slot, Template } from '@tianbao/templates';
import { useMemo, useState } from 'react';
import { slotPhrase } from '../utils/format';

/**
 * Which blanks of the statistics table this activity adds to, and how much. Search by the notice's
 * words ("宣传进企业", "演练", "人次"); every word must appear in the row or the phrase around the blank.
 */
export function ContributionsPicker(props: {
  template: Template | undefined;
  value: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
  errors: Record<string, string>;
}) {
  const { template, value, onChange } = props;
  const [query, setQuery] = useState('');
  const countable = useMemo(
    () =>
      (template?.slots ?? []).filter(
        (s) => s.section === 'table' && (s.kind === 'number' || s.kind === 'percent'),
      ),
    [template],
  );
  const keyOf = (s: Slot) => `${template?.id}/${s.id}`;
  const chosen = countable.filter((s) => keyOf(s) in value);
  const words = query.trim().split(/\s+/).filter(Boolean);
  const found = words.length
    ? countable
        .filter((s) => !(keyOf(s) in value))
        .filter((s) => words.every((w) => `${s.group}${s.item}${s.before}${s.after}`.includes(w)))
        .slice(0, 30)
    : [];
  if (!template) return <p className="muted">本台账没有统计表模板，无法选择统计项。</p>;
  const row = (s: Slot, picked: boolean) => {
    const key = keyOf(s);
    const error = props.errors[`contributions.${key}`];
    return (
      <li key={key} className={`pick-row${error ? ' field-error' : ''}`}>
        <div className="pick-text">
          <span className="pick-item">{s.item}</span>
          <span className="pick-phrase">{slotPhrase(s)}</span>
          {error ? <span className="field-message">{error}</span> : null}
        </div>
        {picked ? (
          <>
            <input
              aria-label={`${s.item} ${slotPhrase(s)}`}
              className="pick-number"
              inputMode="decimal"
              value={value[key] ?? ''}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            />
            <span className="pick-unit">{s.unit}</span>
            <button
              type="button"
              className="link"
              onClick={() => {
                const { [key]: _, ...rest } = value;
                onChange(rest);
              }}
            >
              移除
            </button>
          </>
        ) : (
          <button type="button" className="small" onClick={() => onChange({ ...value, [key]: '' })}>
            选择
          </button>
        )}
      </li>
    );
  };
  return (
    <div className="picker">
      {chosen.length ? (
        <ul className="pick-list">{chosen.map((s) => row(s, true))}</ul>
      ) : (
        <p className="muted">尚未选择统计项。</p>
      )}
      <input
        className="picker-search"
        placeholder="搜索统计表中的项目，例如：宣传进企业、演练、人次"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {words.length ? (
        found.length ? (
          <ul className="pick-list pick-results">{found.map((s) => row(s, false))}</ul>
        ) : (
          <p className="muted">没有找到包含“{query}”的统计项。</p>
        )
      ) : null}
    </div>
  );
}
