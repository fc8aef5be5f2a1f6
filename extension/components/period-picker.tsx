import { dayText, describeRange, type ReportingPeriod } from '@tianbao/core';
import type { PortalRow } from '../utils/portal-rows';

const KINDS: [ReportingPeriod['kind'], string][] = [
  ['week', '每周'],
  ['month', '每月'],
  ['campaign', '整个活动'],
];

/** The periods as <option>s grouped 每周 / 每月 / 整个活动, each with when it is due, the current one marked. */
export function PeriodOptions(props: {
  periods: readonly ReportingPeriod[];
  current: ReportingPeriod | undefined;
}) {
  return KINDS.map(([kind, name]) => (
    <optgroup key={kind} label={name}>
      {props.periods
        .filter((p) => p.kind === kind)
        .map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
            {p.due ? `，${dayText(p.due)}${p.dueHour !== undefined ? `${p.dueHour}时` : ''}前报送` : ''}
            {p.id === props.current?.id ? '（当前）' : ''}
          </option>
        ))}
    </optgroup>
  ));
}

/** A page's 本月/月报 column against a chosen week (or 本周 against a month): worth a second look. */
function mismatch(rows: readonly PortalRow[], period: ReportingPeriod): string {
  const words = [...new Set(rows.map((r) => r.periodWord).filter((w): w is string => !!w))];
  const monthly = words.find((w) => /月/.test(w));
  const weekly = words.find((w) => /周/.test(w));
  if (monthly && period.kind === 'week') return `页面这一栏是「${monthly}」，所选区间是一周，请确认。`;
  if (weekly && period.kind === 'month') return `页面这一栏是「${weekly}」，所选区间是一个月，请确认。`;
  return '';
}

/**
 * The reporting period a portal page is filled for: its 本周/本期/本月 columns get that period's figures,
 * its 累计 columns the figures from the campaign's start to the period's end. Remembered per page.
 */
export function PeriodPicker(props: {
  periods: readonly ReportingPeriod[];
  period: ReportingPeriod;
  current: ReportingPeriod | undefined;
  rows: readonly PortalRow[];
  onChange: (p: ReportingPeriod) => void;
}) {
  const { period, periods } = props;
  const listed = periods.some((p) => p.id === period.id);
  const hasPeriod = props.rows.some((r) => r.measure === 'period');
  const warning = hasPeriod ? mismatch(props.rows, period) : '';
  return (
    <div className="period-picker">
      <label className="inline">
        报送区间
        <select
          aria-label="报送区间"
          value={period.id}
          onChange={(e) => {
            const p = periods.find((x) => x.id === e.target.value);
            if (p) props.onChange(p);
          }}
        >
          {listed ? null : <option value={period.id}>{period.label}</option>}
          <PeriodOptions periods={periods} current={props.current} />
        </select>
      </label>
      {hasPeriod ? (
        <p className="muted small-text" role="status">
          本页的「{props.rows.find((r) => r.periodWord)?.periodWord}」栏按 {describeRange(period)}{' '}
          填写，「累计」栏按 {describeRange(period.cumulative)} 填写；手工填写的数是整个活动的，不用于这两栏。
        </p>
      ) : null}
      {warning ? <p className="notice small-text">{warning}</p> : null}
    </div>
  );
}
