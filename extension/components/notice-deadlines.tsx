import type { NoticeDraft } from '../utils/notice-draft';
import { replaceAt } from '../utils/notice-draft';
import { NoticeDeadlineRow } from './notice-deadline-row';

/** Every deadline the notice states, with what is due and in what form (纸质, 盖章, 电子版). */
export function NoticeDeadlines(props: { draft: NoticeDraft; onChange: (draft: NoticeDraft) => void }) {
  const { draft, onChange } = props;
  return (
    <section className="review-section">
      <h3>截止日期和报送要求（{draft.deadlines.length} 项）</h3>
      {draft.deadlines.length ? (
        <table className="list compact review-deadlines">
          <thead>
            <tr>
              <th>报送</th>
              <th>事项</th>
              <th>报送内容</th>
              <th>时间</th>
              <th>形式</th>
              <th>通知原文</th>
            </tr>
          </thead>
          <tbody>
            {draft.deadlines.map((item, i) => (
              <NoticeDeadlineRow
                key={item.value.id}
                item={item}
                onChange={(next) => onChange({ ...draft, deadlines: replaceAt(draft.deadlines, i, next) })}
              />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">通知里没有找到截止日期。创建后可在“截止日期”中添加。</p>
      )}
    </section>
  );
}
