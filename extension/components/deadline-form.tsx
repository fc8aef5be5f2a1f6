import type { Deadline } from '@tianbao/templates';
import { useState } from 'react';
import { useDraft } from '../hooks/use-draft';
import { useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { userMessage } from '../utils/input-errors';
import { ColleagueNote } from './colleague-note';
import { ErrorText } from './error-text';
import { FormField } from './form-field';
import { Modal } from './modal';

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 6、7 / 6,7 / 6-8 → [6, 7] / [6, 7, 8]; empty: every month of the campaign. */
export function parseMonths(text: string): number[] | undefined {
  const out = new Set<number>();
  for (const part of text.split(/[,，、\s]+/).filter(Boolean)) {
    const range = /^(\d{1,2})\s*(?:-|—|~|至|到)\s*(\d{1,2})月?$/.exec(part);
    if (range) for (let m = Number(range[1]); m <= Number(range[2]); m++) out.add(m);
    else if (/^\d{1,2}月?$/.test(part)) out.add(Number.parseInt(part, 10));
    else return undefined;
  }
  const months = [...out].sort((a, b) => a - b);
  return months.every((m) => m >= 1 && m <= 12) ? months : undefined;
}

/** 修改 or 添加 one deadline of the schedule: a date, a weekly day, or a monthly day, with its hour and months. */
export function DeadlineForm(props: {
  deadline: Deadline;
  isNew: boolean;
  onClose: (saved: boolean) => void;
}) {
  const { session } = useOpenLog();
  const { schedule } = useSchedule();
  // The deadline as the log has it now: a colleague may change it while this is open, and saving writes only
  // what this person typed over it, so their change to another part is not put back.
  const d = (!props.isNew && schedule.deadlines.find((x) => x.id === props.deadline.id)) || props.deadline;
  const kind = d.date ? 'once' : d.weekday ? 'weekly' : d.dayOfMonth ? 'monthly' : 'other';
  const draft = useDraft({
    title: d.title,
    date: d.date ?? '',
    weekday: String(d.weekday ?? 4),
    day: String(d.dayOfMonth ?? 28),
    hour: d.hour === undefined ? '' : String(d.hour),
    months: (d.months ?? []).join('、'),
  });
  const { title, date, weekday, day, hour, months } = draft.values;
  const note = (field: keyof typeof draft.values) => (
    <ColleagueNote
      change={draft.changeOf(field)}
      show={field === 'weekday' ? (v) => WEEKDAY_NAMES[Number(v) - 1] ?? v : undefined}
      onTake={() => draft.takeTheirs(field)}
    />
  );
  const [error, setError] = useState('');
  const save = () => {
    const m = parseMonths(months);
    if (m === undefined) return setError('月份请写数字，例如 6、7 或 6-12');
    const h = hour.trim() === '' ? undefined : Number(hour);
    if (h !== undefined && !(Number.isInteger(h) && h >= 0 && h <= 23))
      return setError('时间请填 0 到 23 之间的整点');
    const n = Number(day);
    if (kind === 'monthly' && !(Number.isInteger(n) && n >= 1 && n <= 31))
      return setError('每月的日期请填 1 到 31');
    const { hour: _h, months: _m, date: _d, weekday: _w, dayOfMonth: _n, ...rest } = d;
    const next: Deadline = {
      ...rest,
      title: title.trim() || d.title,
      ...(h !== undefined && { hour: h }),
      ...(kind === 'once' && { date }),
      ...(kind === 'weekly' && { weekday: Number(weekday) }),
      ...(kind === 'monthly' && { dayOfMonth: n }),
      ...(kind !== 'once' && m.length > 0 && { months: m }),
    };
    try {
      session.log.setDeadline(next);
      props.onClose(true);
    } catch (err) {
      setError(userMessage(err));
    }
  };
  return (
    <Modal title={props.isNew ? '添加报送要求' : '修改报送要求'} onClose={() => props.onClose(false)}>
      <div className="form-grid">
        <FormField label="报送内容" wide note={note('title')}>
          <input value={title} onChange={(e) => draft.set('title', e.target.value)} />
        </FormField>
        {kind === 'once' ? (
          <FormField label="截止日期" note={note('date')}>
            <input type="date" value={date} onChange={(e) => draft.set('date', e.target.value)} />
          </FormField>
        ) : null}
        {kind === 'weekly' ? (
          <FormField label="每周" note={note('weekday')}>
            <select value={weekday} onChange={(e) => draft.set('weekday', e.target.value)}>
              {WEEKDAY_NAMES.map((w, i) => (
                <option key={w} value={i + 1}>
                  {w}
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
        {kind === 'monthly' ? (
          <FormField label="每月几号" note={note('day')}>
            <input inputMode="numeric" value={day} onChange={(e) => draft.set('day', e.target.value)} />
          </FormField>
        ) : null}
        <FormField label="几点前（可不填）" hint="不填按当天17时" note={note('hour')}>
          <input inputMode="numeric" value={hour} onChange={(e) => draft.set('hour', e.target.value)} />
        </FormField>
        {kind === 'weekly' || kind === 'monthly' ? (
          <FormField label="适用月份" hint="例如 6、7 或 7-12；不填为整个活动期间" note={note('months')}>
            <input value={months} onChange={(e) => draft.set('months', e.target.value)} />
          </FormField>
        ) : null}
      </div>
      {error ? (
        <p className="error-banner">
          <ErrorText message={error} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="primary" onClick={save}>
          保存
        </button>
        <button type="button" onClick={() => props.onClose(false)}>
          取消
        </button>
      </div>
    </Modal>
  );
}
