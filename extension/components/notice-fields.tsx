import { type NoticeDraft, replaceAt } from '../utils/notice-draft';

const NAMES = { liaison: '联络员推荐表', plan: '重点活动计划安排表' } as const;

/** The 联络员推荐表's fields or the 重点活动计划安排表's columns the notice asks for: keep, drop, rename. */
export function NoticeFields(props: {
  which: 'liaison' | 'plan';
  draft: NoticeDraft;
  onChange: (draft: NoticeDraft) => void;
}) {
  const { which, draft, onChange } = props;
  const form = draft[which];
  const what = which === 'liaison' ? '栏目' : '列';
  return (
    <section className="review-section">
      <h3>
        {NAMES[which]}
        {form ? (
          <span className="muted">
            （{form.title}，{form.fields.length} {what}）
          </span>
        ) : null}
      </h3>
      {form ? (
        <div className="field-chips">
          {form.fields.map(({ value: f, use }, i) => (
            <label key={f.id} className={`chip${use ? '' : ' dropped'}`}>
              <input
                type="checkbox"
                checked={use}
                aria-label={`${NAMES[which]}：${f.label}`}
                onChange={(e) =>
                  onChange({
                    ...draft,
                    [which]: {
                      ...form,
                      fields: replaceAt(form.fields, i, { value: f, use: e.target.checked }),
                    },
                  })
                }
              />
              <input
                className="chip-label"
                aria-label={`${NAMES[which]}第 ${i + 1} ${what}名称`}
                value={f.label}
                onChange={(e) =>
                  onChange({
                    ...draft,
                    [which]: {
                      ...form,
                      fields: replaceAt(form.fields, i, { value: { ...f, label: e.target.value }, use }),
                    },
                  })
                }
              />
            </label>
          ))}
        </div>
      ) : (
        <p className="muted">通知里没有{NAMES[which]}。</p>
      )}
    </section>
  );
}
