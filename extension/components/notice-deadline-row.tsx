import type { Deadline } from '@tianbao/templates';
import { DEADLINE_KIND_NAMES } from '../utils/deadlines';
import type { DraftItem } from '../utils/notice-draft';
import { parseMonths, WEEKDAY_NAMES } from './deadline-form';

/** One deadline of the notice on the review screen: keep it or not, and correct what is due by when. */
export function NoticeDeadlineRow(props: {
  item: DraftItem<Deadline>;
  onChange: (item: DraftItem<Deadline>) => void;
}) {
  const { value: d, use } = props.item;
  const set = (patch: Partial<Deadline>, drop: (keyof Deadline)[] = []) => {
    const next = { ...d, ...patch };
    for (const k of drop) delete next[k];
    props.onChange({ value: next, use });
  };
  const name = d.title || DEADLINE_KIND_NAMES[d.kind] || d.kind;
  const months = (d.months ?? []).join('、');
  const monthsInput = (
    <input
      className="months"
      aria-label={`${name} 适用月份`}
      defaultValue={months}
      placeholder="月份"
      title="适用月份，例如 6 或 7-12"
      onBlur={(e) => {
        const m = parseMonths(e.target.value);
        if (m === undefined) e.target.value = months;
        else if (m.length) set({ months: m });
        else set({}, ['months']);
      }}
    />
  );
  return (
    <tr className={use ? '' : 'dropped'}>
      <td>
        <input
          type="checkbox"
          checked={use}
          aria-label={`需报送：${name}`}
          onChange={(e) => props.onChange({ value: d, use: e.target.checked })}
        />
      </td>
      <td className="nowrap">
        <span className="tag">{DEADLINE_KIND_NAMES[d.kind] ?? d.kind}</span>
      </td>
      <td>
        {/* The notice's sentence is often two lines; a one-line box would hide its end. */}
        <textarea
          className="grow"
          rows={2}
          aria-label={`${name} 报送内容`}
          value={d.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        {d.materials?.length ? <div className="muted small">材料：{d.materials.join('、')}</div> : null}
      </td>
      <td className="nowrap when">
        {d.date ? (
          <input
            type="date"
            aria-label={`${name} 截止日期`}
            value={d.date}
            onChange={(e) => e.target.value && set({ date: e.target.value })}
          />
        ) : null}
        {d.weekday ? (
          <>
            {monthsInput}
            <select
              aria-label={`${name} 每周几`}
              value={d.weekday}
              onChange={(e) => set({ weekday: Number(e.target.value) })}
            >
              {WEEKDAY_NAMES.map((w, i) => (
                <option key={w} value={i + 1}>
                  每{w}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {d.dayOfMonth ? (
          <>
            {monthsInput}
            每月
            <input
              className="day"
              inputMode="numeric"
              aria-label={`${name} 每月几号`}
              value={d.dayOfMonth}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 31) set({ dayOfMonth: n });
              }}
            />
            号
          </>
        ) : null}
        {d.withinDays ? <span>活动完成后{d.withinDays}天内</span> : null}
        {d.withinDays ? null : (
          <>
            <input
              className="hour"
              inputMode="numeric"
              aria-label={`${name} 几点前`}
              // A grey "17" read as a filled-in value; an empty box must look empty. Empty still means 17时.
              placeholder="时"
              title="几点前，不填按当天17时"
              value={d.hour ?? ''}
              onChange={(e) => {
                const v = e.target.value.trim();
                const n = Number(v);
                if (v === '') set({}, ['hour']);
                else if (Number.isInteger(n) && n >= 0 && n <= 23) set({ hour: n });
              }}
            />
            时前
            {d.hour === undefined ? <span className="muted small">（不填按17时）</span> : null}
          </>
        )}
      </td>
      <td className="nowrap">
        {(
          [
            ['paper', '纸质'],
            ['seal', '盖章'],
            ['electronic', '电子版'],
          ] as const
        ).map(([k, label]) => (
          <label key={k} className="inline">
            <input
              type="checkbox"
              aria-label={`${name} ${label}`}
              checked={d[k] === true}
              onChange={(e) => (e.target.checked ? set({ [k]: true }) : set({}, [k]))}
            />
            {label}
          </label>
        ))}
      </td>
      <td className="source-text">{d.source}</td>
    </tr>
  );
}
