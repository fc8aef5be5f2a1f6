// The log's figures are totals to date: a column (or a label) for one week or month of them is a
// different number, however alike the words ("本周 | 累计" columns side by side). Such controls are
// scanned (the panel lists them, a person may still map one) but never matched automatically.

const PERIOD_HEADER =
  /^(本周|当周|上周|本期|当期|本月|当月|上月|本日|当日|今日|第\s*[一二三四五六七八九十\d]+\s*周)\s*(新增|完成|开展|情况|数|数量|数据)?$/;
// 今日 is left out here: 今日头条 is a name.
const PERIOD_LABEL = /^(本周|当周|上周|本期|当期|本月|当月|上月)/;

/** The period a control's column header or label names (本周 …), or '' for a total. */
export function periodOf(label: string, colHeaders: readonly string[]): string {
  const header = colHeaders.find((h) => PERIOD_HEADER.test(h.trim()));
  if (header) return header.trim();
  return PERIOD_LABEL.exec(label.trim())?.[1] ?? '';
}
