import { campaignYear, type UnitLog } from '@tianbao/core';
import type { Template } from '@tianbao/templates';
import { useState } from 'react';
import { userMessage } from '../utils/input-errors';
import { moveDraftToYear, type NoticeDraft } from '../utils/notice-draft';
import { updateLogFromNotice } from '../utils/notice-log';
import { ErrorText } from './error-text';
import { NoticeDrop } from './notice-drop';
import { NoticeReview } from './notice-review';

/**
 * 截止日期: a new or supplementary notice for this log. Read it, review its deadlines and requirements
 * (the statistics table stays as it is), then apply them to the log colleagues share.
 */
export function NoticeUpdate(props: { log: UnitLog; template: Template | undefined; onApplied: () => void }) {
  const [draft, setDraft] = useState<NoticeDraft | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const apply = () => {
    if (!draft) return;
    try {
      updateLogFromNotice(props.log, draft, props.template);
      setDraft(null);
      setError('');
      setDone(`已按“${draft.fileName}”更新截止日期和报送要求。`);
      props.onApplied();
    } catch (err) {
      setError(userMessage(err));
    }
  };

  if (!draft)
    return (
      <>
        {done ? (
          <p className="notice" role="status">
            {done}
          </p>
        ) : null}
        <details className="notice-update">
          <summary>用通知文件更新截止日期</summary>
          <NoticeDrop
            hint="拖入上级的通知或补充通知（.docx 或带文字的 PDF），核对其中的截止日期、报送要求和照片视频要求后应用到本台账；统计表不变。"
            onRead={(d) => {
              // The log's dates are in its campaign's year; a past year's notice is read into that year.
              setDraft(moveDraftToYear(d, campaignYear(props.log, props.template)));
              setDone('');
            }}
          />
        </details>
      </>
    );
  return (
    <section className="card notice-setup" aria-label="核对通知内容">
      <div className="review-head">
        <h3>核对“{draft.fileName}”</h3>
        <span className="muted">
          核对通知中的截止日期和要求，不对的直接改正，不需要的取消勾选，然后应用到本台账。
        </span>
      </div>
      {draft.datesYear !== draft.year ? (
        <p className="hint-box year-moved" role="note">
          {`这份通知是 ${draft.year} 年的，下面的日期已把 ${draft.year} 年换成本台账的 ${draft.datesYear} 年。`}
          请对照今年收到的通知核对，不对的直接改。
        </p>
      ) : null}
      <NoticeReview draft={draft} onChange={setDraft} tables={false} />
      {error ? (
        <p className="error-banner">
          <ErrorText message={error} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="primary" onClick={apply}>
          应用到本台账
        </button>
        <button type="button" onClick={() => setDraft(null)}>
          取消
        </button>
      </div>
    </section>
  );
}
