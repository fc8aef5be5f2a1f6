// A deadline in the words 截止日期, the reminders and `tianbao log deadlines` share: 6月30日 17时前,
// 6月每周四 10时前, and what it is for (联络员, 每周材料 …), never the kind's code.
import type { Deadline } from './schema.ts';

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export function describeDeadline(d: Deadline): string {
  const at = d.hour !== undefined ? ` ${d.hour}时前` : '前';
  if (d.date) {
    const [, m, day] = d.date.split('-').map(Number);
    return `${m}月${day}日${at}`;
  }
  if (d.weekday) return `${d.months?.map((m) => `${m}月`).join('、') ?? ''}每${WEEKDAYS[d.weekday]}${at}`;
  if (d.dayOfMonth) return `${d.months?.map((m) => `${m}月`).join('、') ?? ''}每月${d.dayOfMonth}日${at}`;
  if (d.withinDays) return `活动完成后${d.withinDays}天内`;
  return '';
}

/** What a deadline is for, in the UI's words (Deadline.kind). */
export const DEADLINE_KIND_NAMES: Record<string, string> = {
  liaison: '联络员',
  weekly: '每周材料',
  monthly: '每月材料',
  summary: '活动总结',
  table: '统计表',
  plan: '活动计划',
  'later-summary': '后续总结',
  'after-activity': '活动后材料',
  other: '其他',
};
