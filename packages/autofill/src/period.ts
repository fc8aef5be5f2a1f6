// A column (or a label) for one week or month is a different number from the log's totals, however alike
// the words ("本周 | 累计" columns side by side). Such controls are matched apart from the others and filled
// from the chosen period's statistics; the 累计/合计/截至 column beside them from the period's 累计. With no
// period values given, period controls are left to the person.

const PERIOD_HEADER =
  /^(本周|当周|上周|本期|当期|本月|当月|上月|本日|当日|今日|月报|周报|第\s*[一二三四五六七八九十\d]+\s*周)\s*(新增|完成|开展|情况|数|数量|数据)?$/;
// 今日 is left out here: 今日头条 is a name.
const PERIOD_LABEL = /^(本周|当周|上周|本期|当期|本月|当月|上月)/;

/** The period a control's column header or label names (本周 …), or '' for a total. */
export function periodOf(label: string, colHeaders: readonly string[]): string {
  const header = colHeaders.find((h) => PERIOD_HEADER.test(h.trim()));
  if (header) return header.trim();
  return PERIOD_LABEL.exec(label.trim())?.[1] ?? '';
}

// 累计, 合计, 总计, 截至本周, 截止目前, 累计完成: a total column, beside a period column it is the period's 累计.
const CUMULATIVE_HEADER = /^(累计|累积|合计|总计|截至|截止|至今)/;
const CUMULATIVE_LABEL = /^(累计|累积|截至|截止)/;

/** The 累计 a control's column header or label names, or ''. */
export function cumulativeOf(label: string, colHeaders: readonly string[]): string {
  const header = colHeaders.find((h) => CUMULATIVE_HEADER.test(h.trim()));
  if (header) return header.trim();
  return CUMULATIVE_LABEL.exec(label.trim())?.[1] ?? '';
}

/** What a value is for: the log's total (today's behaviour), one period, or the period's 累计. */
export type Measure = 'total' | 'period' | 'cumulative';

/** The key a fill value is given under: the slot id for totals, `<slot>@period` / `<slot>@cumulative`. */
export function valueKey(slotId: string, measure: Measure | undefined): string {
  return !measure || measure === 'total' ? slotId : `${slotId}@${measure}`;
}
