import { planTimeRange } from '@tianbao/core';
import { useState } from 'react';

/**
 * 重点活动计划's 时间 as a day or a range picked from the calendar. A plan from before the picker keeps
 * its free text (6月16日上午) until a day is picked, shown as written so nothing is lost.
 */
export function PlanTimeField(props: {
  value: string;
  onChange: (value: { start: string; end: string; bad: string }) => void;
  error?: string | undefined;
}) {
  const initial = planTimeRange(props.value);
  const written = initial ? '' : props.value.trim();
  const [start, setStart] = useState(initial?.start ?? '');
  const [end, setEnd] = useState(initial && initial.end !== initial.start ? initial.end : '');
  const [bad, setBad] = useState<{ start: string; end: string }>({ start: '', end: '' });
  const report = (next: { start: string; end: string }, b: typeof bad) => {
    const order = next.start && next.end && next.end < next.start ? '结束日期不能早于开始日期' : '';
    props.onChange({ ...next, bad: b.start || b.end || order });
  };
  const pick = (which: 'start' | 'end', input: HTMLInputElement) => {
    // A day that does not exist (6月31日) or half typed: the browser gives no value and flags bad input.
    const b = { ...bad, [which]: input.validity.badInput ? '这一天不存在或没有填完整，请重新选择' : '' };
    const next = { start, end, [which]: input.value };
    setBad(b);
    setStart(next.start);
    setEnd(next.end);
    report(next, b);
  };
  const message =
    bad.start || bad.end || (start && end && end < start ? '结束日期不能早于开始日期' : '') || props.error;
  return (
    <div className={`field field-wide${message ? ' field-error' : ''}`}>
      <span className="field-label">时间</span>
      <div className="toolbar plan-time">
        <label className="inline">
          开始日期
          <input
            type="date"
            value={start}
            onChange={(e) => pick('start', e.target)}
            // A half-typed or impossible day leaves the value empty, so no change event says so; leaving does.
            onBlur={(e) => pick('start', e.target)}
          />
        </label>
        <label className="inline">
          结束日期（一天的活动不填）
          <input
            type="date"
            value={end}
            min={start || undefined}
            onChange={(e) => pick('end', e.target)}
            onBlur={(e) => pick('end', e.target)}
          />
        </label>
      </div>
      {message ? (
        <span className="field-message">{message}</span>
      ) : written ? (
        <span className="field-hint">
          原来写的是“{written}”。不选日期就保持原样；选了日期就改为所选的日期。
        </span>
      ) : null}
    </div>
  );
}
