import { readNumberInput } from '@tianbao/core';
import { blankSearchText, blankSentence, type Slot, type Template } from '@tianbao/templates';
import { useMemo, useState } from 'react';
import { suggestBlanks } from '../utils/blank-suggestions';
import { BlankSentence } from './blank-sentence';

const MAX_FOUND = 30;

/** Blanks an activity can add to: counts and percentages, and the table's text blanks (以（ ）等形式…). */
const pickable = (s: Slot) =>
  s.section === 'table' && (s.kind === 'number' || s.kind === 'percent' || s.kind === 'text');

/**
 * Which blanks of the statistics table this activity adds to, and how much. Every blank is shown with
 * its activity item and the words of its sentence, the blank itself marked, so the five 「参与（ ）人」
 * of 五进 can be told apart. Search by any words of the blank, its item or its group; suggestions
 * from the activity's 类型 and the numbers in its words are applied only when clicked. A text blank
 * (以（ ）等形式启动…) is the table's one sentence: what is typed here becomes its value when saved.
 */
export function ContributionsPicker(props: {
  template: Template | undefined;
  value: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
  texts: Record<string, string>;
  onTextsChange: (v: Record<string, string>) => void;
  /** The table's current value of a text blank, to start from when it is picked. */
  currentText: (key: string) => string;
  activity: { kind: string; title: string; description: string };
  errors: Record<string, string>;
}) {
  const { template, value, onChange, texts, onTextsChange } = props;
  const [query, setQuery] = useState('');
  const slots = useMemo(() => (template?.slots ?? []).filter(pickable), [template]);
  const search = useMemo(
    () => new Map(template ? slots.map((s) => [s.id, blankSearchText(template, s)]) : []),
    [template, slots],
  );
  const keyOf = (s: Slot) => `${template?.id}/${s.id}`;
  const isChosen = (s: Slot) => keyOf(s) in value || keyOf(s) in texts;
  const chosen = slots.filter(isChosen);
  const chosenKeys = new Set(chosen.map(keyOf));
  // A number the person already put into a blank of its unit is not offered again (120人 counted once).
  const used = new Set(chosen.map((s) => `${value[keyOf(s)]?.trim()}${s.unit}`));
  const suggestions = suggestBlanks(template, props.activity, chosenKeys).filter(
    (x) =>
      x.slot.kind !== 'text' &&
      (x.value === undefined || x.value === 1 || !used.has(`${x.value}${x.slot.unit}`)),
  );
  const words = query.trim().split(/\s+/).filter(Boolean);
  const hits = words.length
    ? slots.filter((s) => words.every((w) => (search.get(s.id) ?? '').includes(w)))
    : [];
  const matching = hits.filter((s) => !isChosen(s));
  // Blanks whose own sentence has the words first, then those found by their item or group only.
  const ownWords = (s: Slot) => (template ? blankSentence(template, s) : '');
  const found = [
    ...matching.filter((s) => words.some((w) => ownWords(s).includes(w))),
    ...matching.filter((s) => !words.some((w) => ownWords(s).includes(w))),
  ];
  if (!template) return <p className="muted">本台账没有统计表模板，无法选择统计项。</p>;

  const pick = (s: Slot, n?: number) => {
    const key = keyOf(s);
    if (s.kind === 'text') onTextsChange({ ...texts, [key]: props.currentText(key) });
    else onChange({ ...value, [key]: n === undefined ? '' : String(n) });
  };
  const remove = (s: Slot) => {
    const key = keyOf(s);
    if (s.kind === 'text') {
      const { [key]: _, ...rest } = texts;
      onTextsChange(rest);
    } else {
      const { [key]: _, ...rest } = value;
      onChange(rest);
    }
  };
  const label = (s: Slot) => `${s.item}：${blankSentence(template, s)}`;

  const chosenRow = (s: Slot) => {
    const key = keyOf(s);
    // A number error from the last save goes once the blank holds a number that reads (a stale 不能是负数
    // beside 读作 1200 人 would contradict it); a text blank keeps its message until the next save.
    const reads = s.kind !== 'text' && readNumberInput(value[key] ?? '', { kind: s.kind, unit: s.unit })?.ok;
    const error = reads ? undefined : (props.errors[`contributions.${key}`] ?? props.errors[`values.${key}`]);
    return (
      <li key={key} className={`pick-row${error ? ' field-error' : ''}`}>
        <div className="pick-text">
          <BlankSentence template={template} slot={s} />
          {s.kind === 'text' ? (
            <span className="pick-why">文字项：保存后作为统计表中这一空的内容</span>
          ) : null}
          {error ? <span className="field-message">{error}</span> : null}
          {s.kind === 'text' ? null : <NumberRead typed={value[key] ?? ''} slot={s} />}
        </div>
        {s.kind === 'text' ? (
          <input
            aria-label={label(s)}
            className="pick-textvalue"
            value={texts[key] ?? ''}
            placeholder="例如：线上直播"
            onChange={(e) => onTextsChange({ ...texts, [key]: e.target.value })}
          />
        ) : (
          <>
            <input
              aria-label={label(s)}
              className="pick-number"
              inputMode="decimal"
              value={value[key] ?? ''}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            />
            <span className="pick-unit">{s.unit}</span>
          </>
        )}
        <button type="button" className="link" onClick={() => remove(s)}>
          移除
        </button>
      </li>
    );
  };

  return (
    <div className="picker">
      {chosen.length ? (
        <ul className="pick-list pick-chosen">{chosen.map(chosenRow)}</ul>
      ) : (
        <p className="muted">尚未选择统计项。</p>
      )}
      {suggestions.length ? (
        <div className="pick-suggestions">
          <h4>根据本活动的类型和内容，可能计入：</h4>
          <ul className="pick-list">
            {suggestions.map((x) => (
              <li key={x.slot.id} className="pick-row pick-suggestion">
                <div className="pick-text">
                  <BlankSentence template={template} slot={x.slot} />
                  <span className="pick-why">依据：{x.why}</span>
                </div>
                {x.value !== undefined ? (
                  <span className="pick-unit nowrap">
                    {x.value} {x.slot.unit}
                  </span>
                ) : null}
                <button type="button" className="small" onClick={() => pick(x.slot, x.value)}>
                  采用
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input
        className="picker-search"
        type="search"
        aria-label="搜索统计项"
        placeholder="搜索统计项，例如：进企业 人次（多个词用空格分开）"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {words.length ? (
        found.length ? (
          <>
            <ul className="pick-list pick-results">
              {found.slice(0, MAX_FOUND).map((s) => (
                <li key={s.id} className="pick-row">
                  <div className="pick-text">
                    <BlankSentence template={template} slot={s} />
                  </div>
                  <span className="pick-unit">{s.kind === 'text' ? '文字' : s.unit}</span>
                  <button type="button" className="small" onClick={() => pick(s)}>
                    选择
                  </button>
                </li>
              ))}
            </ul>
            {found.length > MAX_FOUND ? (
              <p className="muted">还有 {found.length - MAX_FOUND} 项，请再输入一个词缩小范围。</p>
            ) : null}
          </>
        ) : (
          <p className="muted">
            {hits.length
              ? `包含“${query.trim()}”的统计项已全部选中，见上方。`
              : `没有找到包含“${query.trim()}”的统计项。`}
          </p>
        )
      ) : null}
    </div>
  );
}

/**
 * What the blank's number was read as, when the typing was not the plain number (８００, 1,200, 800人, 三):
 * the person sees 读作 1200 人 before saving, so a misreading could never pass unseen.
 */
function NumberRead(props: { typed: string; slot: Slot }) {
  const r = readNumberInput(props.typed, { kind: props.slot.kind, unit: props.slot.unit });
  if (!r?.ok || (!r.reformatted && !r.note)) return null;
  return (
    <span className="pick-read" role="status">
      读作 {r.value} {props.slot.unit}
      {r.note ? `（${r.note}）` : ''}
    </span>
  );
}
