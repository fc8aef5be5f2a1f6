import type { NoticeDraft } from '../utils/notice-draft';
import { NoticeDeadlines } from './notice-deadlines';
import { NoticeFacts } from './notice-facts';
import { NoticeFields } from './notice-fields';
import { NoticeMedia } from './notice-media';
import { NoticeTables } from './notice-tables';

/**
 * The review screen of a notice file: everything found in it, each item correctable or droppable, before
 * anything is written. `tables: false` when the log's statistics table is already set (截止日期's update).
 */
export function NoticeReview(props: {
  draft: NoticeDraft;
  onChange: (draft: NoticeDraft) => void;
  tables?: boolean;
}) {
  const { draft, onChange } = props;
  return (
    <div className="notice-review">
      {draft.warnings.length ? (
        <div className="hint-box review-warnings">
          <strong>请核对：</strong>
          <ul>
            {draft.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <NoticeFacts draft={draft} onChange={onChange} />
      {props.tables === false ? null : <NoticeTables draft={draft} onChange={onChange} />}
      <NoticeDeadlines draft={draft} onChange={onChange} />
      <NoticeMedia draft={draft} onChange={onChange} />
      <NoticeFields which="liaison" draft={draft} onChange={onChange} />
      <NoticeFields which="plan" draft={draft} onChange={onChange} />
    </div>
  );
}
