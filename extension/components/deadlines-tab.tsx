import type { Deadline } from '@tianbao/templates';
import { useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { useSetting } from '../hooks/use-setting';
import { DEADLINE_KIND_NAMES, describeDeadline, dueWords, occurrences } from '../utils/deadlines';
import { sendMessage } from '../utils/messages';
import { scheduleReminders } from '../utils/reminders';
import { remindersOn } from '../utils/settings';
import { DeadlineForm } from './deadline-form';
import { NoticeUpdate } from './notice-update';
import { ScheduleSettings } from './schedule-settings';

const blankRule = (kind: 'weekly' | 'monthly'): Deadline => ({
  id: `${kind}-own-${Date.now().toString(36)}`,
  kind,
  title: kind === 'weekly' ? '报送本周活动开展情况' : '报送本月活动开展情况',
  ...(kind === 'weekly' ? { weekday: 4 } : { dayOfMonth: 28 }),
  source: '本单位添加',
});

/**
 * 截止日期: what the notice asks by when (as the unit confirmed or changed it), the reporting periods'
 * settings, and browser reminders before each deadline (chrome.alarms).
 */
export function DeadlinesTab() {
  const open = useOpenLog();
  const { session, template } = open;
  const { schedule } = useSchedule();
  const [on, setOn] = useSetting(remindersOn);
  const [tested, setTested] = useState('');
  const [editing, setEditing] = useState<{ deadline: Deadline; isNew: boolean } | null>(null);
  const edits = session.log.scheduleEdits().deadlines;
  const removed = (template?.deadlines ?? []).filter((d) => edits[d.id] === null);
  const all = occurrences(schedule.deadlines, schedule.year);
  const next = all.find((o) => o.due > Date.now());
  const changed = () => void scheduleReminders(open);
  return (
    <section className="tab">
      <div className="toolbar">
        <label className="inline">
          <input
            type="checkbox"
            checked={on ?? true}
            onChange={(e) =>
              void setOn(e.target.checked).then(() => sendMessage('to-background:reschedule', {}))
            }
          />
          截止前提醒我（报送日期前一天、每周材料前三小时）
        </label>
        <button
          type="button"
          onClick={() =>
            void sendMessage('to-background:test-reminder', {
              title: next?.title ?? template?.title ?? '填报助手',
            }).then((r) =>
              setTested(r.shown ? '已发送一条测试提醒，请看屏幕右下角。' : '浏览器没有允许通知。'),
            )
          }
        >
          测试提醒
        </button>
        {tested ? <span className="muted">{tested}</span> : null}
      </div>
      {schedule.deadlines.length ? (
        <table className="list deadline-list">
          <thead>
            <tr>
              <th>事项</th>
              <th>要求</th>
              <th>时间</th>
              <th className="source-text">通知原文</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {schedule.deadlines.map((d) => {
              const occ = all.filter((o) => o.deadlineId === d.id);
              const upcoming = occ.find((o) => o.due > Date.now());
              const own = edits[d.id] !== undefined;
              const fromNotice = template?.deadlines.some((x) => x.id === d.id);
              return (
                <tr key={d.id}>
                  <td className="nowrap">
                    <span className="tag">{DEADLINE_KIND_NAMES[d.kind] ?? d.kind}</span>
                    {own ? <span className="tag warn">{fromNotice ? '已修改' : '本单位添加'}</span> : null}
                  </td>
                  <td>{d.title}</td>
                  <td className="nowrap">
                    {describeDeadline(d)}
                    <br />
                    <span className="muted">
                      {upcoming
                        ? `下次 ${upcoming.date}，${dueWords(upcoming.due)}`
                        : occ.length
                          ? dueWords((occ.at(-1) as (typeof occ)[number]).due)
                          : ''}
                    </span>
                  </td>
                  <td className="source-text">{d.source}</td>
                  <td className="nowrap">
                    {d.withinDays ? null : (
                      <button
                        type="button"
                        className="link"
                        onClick={() => setEditing({ deadline: d, isNew: false })}
                      >
                        修改
                      </button>
                    )}
                    {own && fromNotice ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          session.log.resetDeadline(d.id);
                          changed();
                        }}
                      >
                        恢复原样
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => {
                        if (fromNotice) session.log.removeDeadline(d.id);
                        else session.log.resetDeadline(d.id);
                        changed();
                      }}
                    >
                      {fromNotice ? '不需报送' : '删除'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="empty">这份通知没有列出截止日期。</p>
      )}
      {schedule.noticeYear ? (
        <p className="muted">
          统计表来自 {schedule.noticeYear} 年的通知，其中的日期已换成 {schedule.year}{' '}
          年；请以今年收到的通知为准。
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" onClick={() => setEditing({ deadline: blankRule('weekly'), isNew: true })}>
          ＋ 添加每周报送
        </button>
        <button type="button" onClick={() => setEditing({ deadline: blankRule('monthly'), isNew: true })}>
          ＋ 添加每月报送
        </button>
        {removed.map((d) => (
          <button
            key={d.id}
            type="button"
            className="link"
            onClick={() => {
              session.log.resetDeadline(d.id);
              changed();
            }}
          >
            恢复“{DEADLINE_KIND_NAMES[d.kind] ?? d.kind}：{describeDeadline(d)}”
          </button>
        ))}
      </div>
      <ScheduleSettings onChanged={changed} />
      <NoticeUpdate log={session.log} template={template} onApplied={changed} />
      {editing ? (
        <DeadlineForm
          deadline={editing.deadline}
          isNew={editing.isNew}
          onClose={(saved) => {
            setEditing(null);
            if (saved) changed();
          }}
        />
      ) : null}
    </section>
  );
}
