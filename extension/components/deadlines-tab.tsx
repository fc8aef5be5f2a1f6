import { useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { useSetting } from '../hooks/use-setting';
import { daysLeft, describeDeadline, occurrences } from '../utils/deadlines';
import { sendMessage } from '../utils/messages';
import { remindersOn } from '../utils/settings';

const KIND_NAMES: Record<string, string> = {
  liaison: '联络员',
  weekly: '每周材料',
  summary: '活动总结',
  table: '统计表',
  plan: '活动计划',
  'later-summary': '后续总结',
  other: '其他',
};

/** 截止日期: what the notice asks by when, with browser reminders before each (chrome.alarms). */
export function DeadlinesTab() {
  const { template } = useOpenLog();
  const [on, setOn] = useSetting(remindersOn);
  const [tested, setTested] = useState('');
  if (!template?.deadlines.length) return <p className="empty">这份通知没有列出截止日期。</p>;
  const year = template.source.year ?? new Date().getFullYear();
  const all = occurrences(template.deadlines, year);
  const next = all.find((o) => o.due > Date.now());
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
            void sendMessage('to-background:test-reminder', { title: next?.title ?? template.title }).then(
              (r) => setTested(r.shown ? '已发送一条测试提醒，请看屏幕右下角。' : '浏览器没有允许通知。'),
            )
          }
        >
          测试提醒
        </button>
        {tested ? <span className="muted">{tested}</span> : null}
      </div>
      <table className="list">
        <thead>
          <tr>
            <th>事项</th>
            <th>要求</th>
            <th>时间</th>
            <th>通知原文</th>
          </tr>
        </thead>
        <tbody>
          {template.deadlines.map((d) => {
            const occ = all.filter((o) => o.deadlineId === d.id);
            const upcoming = occ.find((o) => o.due > Date.now());
            return (
              <tr key={d.id}>
                <td className="nowrap">
                  <span className="tag">{KIND_NAMES[d.kind] ?? d.kind}</span>
                </td>
                <td>{d.title}</td>
                <td className="nowrap">
                  {describeDeadline(d)}
                  <br />
                  <span className="muted">
                    {upcoming
                      ? `下次 ${upcoming.date}，还有 ${daysLeft(upcoming.due)} 天`
                      : occ.length
                        ? '已过期'
                        : ''}
                  </span>
                </td>
                <td className="source-text">{d.source}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {template.media.length ? (
        <>
          <h3>材料格式要求</h3>
          <ul>
            {template.media.map((m) => (
              <li key={m.source}>{m.source}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
