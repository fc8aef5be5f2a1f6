import type { NoticeDraft } from '../utils/notice-draft';
import { FormField } from './form-field';

/** The notice itself: title, issuing office, document number (大安办发〔2020〕26号), the campaign's dates. */
export function NoticeFacts(props: { draft: NoticeDraft; onChange: (draft: NoticeDraft) => void }) {
  const { draft, onChange } = props;
  const set = (patch: Partial<NoticeDraft>) => onChange({ ...draft, ...patch });
  return (
    <section className="review-section">
      <h3>通知</h3>
      <div className="form-grid">
        <FormField label="通知标题" wide>
          <input value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        </FormField>
        <FormField label="发文单位">
          <input
            value={draft.issuer}
            placeholder="通知中没有找到，可补填"
            onChange={(e) => set({ issuer: e.target.value })}
          />
        </FormField>
        <FormField label="文号">
          <input
            value={draft.documentNumber}
            placeholder="例如：大安办发〔2020〕26号"
            onChange={(e) => set({ documentNumber: e.target.value })}
          />
        </FormField>
        <FormField label="活动开始日期">
          <input
            type="date"
            value={draft.campaignStart}
            onChange={(e) => set({ campaignStart: e.target.value })}
          />
        </FormField>
        <FormField label="活动结束日期" hint={draft.campaignSource ? '' : '通知没有写明，已按6月填入'}>
          <input
            type="date"
            value={draft.campaignEnd}
            onChange={(e) => set({ campaignEnd: e.target.value })}
          />
        </FormField>
      </div>
      {draft.campaignSource ? <p className="source-text">通知原文：{draft.campaignSource}</p> : null}
    </section>
  );
}
