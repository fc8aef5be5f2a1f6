import { logSchedule } from '@tianbao/core';
import { occurrences, remindAt, reminderTitle } from './deadlines';
import type { OpenLog } from './log-client';
import { sendMessage } from './messages';
import { type DeadlineAlarm, deadlineAlarms } from './settings';

/**
 * Puts this log's upcoming deadlines (the notice's, as the unit edited them in 截止日期) into settings; the
 * background turns them into chrome.alarms.
 */
export async function scheduleReminders(open: OpenLog): Promise<void> {
  const prefix = `deadline:${open.record.logId}:`;
  const s = logSchedule(open.session.log, open.template);
  const mine: DeadlineAlarm[] = s.deadlines.length
    ? occurrences(s.deadlines, s.year).map((o) => ({
        name: `${prefix}${o.deadlineId}:${o.date}`,
        title: reminderTitle(o),
        due: o.due,
        remindAt: remindAt(o),
      }))
    : [];
  const others = (await deadlineAlarms.getValue()).filter((a) => !a.name.startsWith(prefix));
  await deadlineAlarms.setValue([...others, ...mine]);
  await sendMessage('to-background:reschedule', {}).catch(() => undefined);
}
