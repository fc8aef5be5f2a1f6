import { TERM } from '@tianbao/templates';
import { useEffect, useState } from 'react';
import { fieldErrors } from '../utils/input-errors';
import type { OpenLog } from '../utils/log-client';
import { moveDraftToYear, type NoticeDraft } from '../utils/notice-draft';
import { createLogFromNotice } from '../utils/notice-log';
import { yearOfCampaign } from '../utils/year-schedule';
import { ErrorText } from './error-text';
import { FormField } from './form-field';
import { NoticeReview } from './notice-review';

/** 开始使用's review screen after a notice file was read: correct anything, then create the log. */
export function NoticeSetup(props: {
  draft: NoticeDraft;
  unitName: string;
  /** Checks the person's name first (开始使用's step 1); false stops. */
  ready: () => Promise<boolean>;
  onBack: () => void;
  onOpened: (open: OpenLog) => void;
}) {
  // A past year's notice is used for this year's campaign, as a built-in table is: its dates are moved to
  // the campaign's year for the person to check; naming the notice's year keeps them as they were.
  const [campaign, setCampaign] = useState(
    `${Math.max(props.draft.year, new Date().getFullYear())}年“安全生产月”`,
  );
  const year = yearOfCampaign(campaign);
  const [draft, setDraft] = useState(() => moveDraftToYear(props.draft, year));
  useEffect(() => setDraft((d) => moveDraftToYear(d, year)), [year]);
  const [unit, setUnit] = useState(props.unitName);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (!(await props.ready())) return;
    setBusy(true);
    try {
      props.onOpened(await createLogFromNotice(draft, unit, campaign));
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  const problem =
    errors._ ?? Object.entries(errors).find(([k]) => !['unitName', 'campaign'].includes(k))?.[1];

  return (
    <section className="card notice-setup" aria-label="核对通知内容">
      <div className="review-head">
        <h2>核对通知内容</h2>
        <span className="muted">
          从“{draft.fileName}”中读出以下内容。请逐项核对，不对的地方直接改正，不需要的取消勾选，然后创建台账。
        </span>
      </div>
      <div className="form-grid">
        <FormField label="单位名称" error={errors.unitName}>
          <input
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
            placeholder="例如：漠河市应急管理局"
          />
        </FormField>
        <FormField label={TERM.campaign} error={errors.campaign}>
          <input value={campaign} onChange={(e) => setCampaign(e.target.value)} />
        </FormField>
      </div>
      {draft.datesYear !== draft.year ? (
        <p className="hint-box year-moved" role="note">
          {`这份通知是 ${draft.year} 年的，下面的日期已把 ${draft.year} 年换成 ${draft.datesYear} 年。`}
          {`请对照今年收到的通知核对，不对的直接改。如果要记录 ${draft.year} 年的活动，`}
          {`把“${TERM.campaign}”改成 ${draft.year}年“安全生产月”。`}
        </p>
      ) : null}
      <NoticeReview draft={draft} onChange={setDraft} />
      {problem ? (
        <p className="error-banner">
          <ErrorText message={problem} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
          创建台账
        </button>
        <button type="button" disabled={busy} onClick={props.onBack}>
          换一个文件
        </button>
      </div>
    </section>
  );
}
