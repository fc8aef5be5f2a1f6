import { type Template, templateOrigin } from '@tianbao/templates';
import { DEADLINE_KIND_NAMES, describeDeadline } from '../utils/deadlines';
import { type YearSchedule, yearDeadlines } from '../utils/year-schedule';

/**
 * 开始使用's question for a table chosen from the list: this year's dates. A built-in table is from a past
 * year's notice; its dates come prefilled with the year replaced, for the person to check against the
 * notice they received this year. What they confirm is saved with the log (截止日期, reminders, CLI).
 */
export function YearDeadlines(props: {
  template: Template;
  value: YearSchedule;
  onChange: (next: YearSchedule) => void;
  errors: Record<string, string>;
}) {
  const { template, value } = props;
  const { dated, rules } = yearDeadlines(template, value.year);
  const from = template.source.year;
  const origin = templateOrigin(template.source);
  const set = (patch: Partial<YearSchedule>) => props.onChange({ ...value, ...patch });
  return (
    <fieldset className="year-deadlines" aria-label={`${value.year}年的截止日期`}>
      <legend>{value.year}年的截止日期</legend>
      <p className="muted small-text">
        {from !== undefined && from !== value.year
          ? `这张表来自${origin}的通知，下面的日期已把 ${from} 年换成 ${value.year} 年。请对照今年收到的通知核对，不对的直接改。`
          : '下面的日期取自通知，请对照通知核对，不对的直接改。'}
      </p>
      <div className="year-row">
        <span className="year-what">活动时间</span>
        <span className="year-dates">
          <input
            type="date"
            aria-label="活动开始日期"
            value={value.campaignStart}
            onChange={(e) => set({ campaignStart: e.target.value })}
          />
          至
          <input
            type="date"
            aria-label="活动结束日期"
            value={value.campaignEnd}
            onChange={(e) => set({ campaignEnd: e.target.value })}
          />
        </span>
        {props.errors.campaignStart || props.errors.campaignEnd ? (
          <span className="field-message">{props.errors.campaignStart ?? props.errors.campaignEnd}</span>
        ) : null}
      </div>
      {dated.map((d) => (
        <div className="year-row" key={d.id}>
          <span className="year-what">
            <span className="tag">{DEADLINE_KIND_NAMES[d.kind] ?? d.kind}</span> {d.title}
          </span>
          <span className="year-dates">
            <input
              type="date"
              aria-label={`${DEADLINE_KIND_NAMES[d.kind] ?? d.kind}截止日期`}
              value={value.dates[d.id] ?? ''}
              onChange={(e) => set({ dates: { ...value.dates, [d.id]: e.target.value } })}
            />
            {d.hour !== undefined ? `${d.hour}时前` : '前'}
          </span>
          {props.errors[`date:${d.id}`] ? (
            <span className="field-message">{props.errors[`date:${d.id}`]}</span>
          ) : null}
        </div>
      ))}
      {rules.map((d) => (
        <div className="year-row" key={d.id}>
          <span className="year-what">
            <span className="tag">{DEADLINE_KIND_NAMES[d.kind] ?? d.kind}</span> {d.title}
          </span>
          <span className="year-dates muted">{describeDeadline(d)}</span>
        </div>
      ))}
      <p className="muted small-text">创建后可在“截止日期”中随时修改。</p>
    </fieldset>
  );
}
