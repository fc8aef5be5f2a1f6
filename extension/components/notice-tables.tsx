import type { SlotKind, Template } from '@tianbao/templates';
import { SLOT_KIND_NAMES, slotPhrase } from '../utils/format';
import { matchingBuiltin, type NoticeDraft, replaceAt } from '../utils/notice-draft';

/** Every 进展情况统计表 found: keep or drop each, correct its title and what kind of value each blank takes. */
export function NoticeTables(props: { draft: NoticeDraft; onChange: (draft: NoticeDraft) => void }) {
  const { draft, onChange } = props;
  const setTable = (i: number, value: Template, use: boolean) =>
    onChange({ ...draft, tables: replaceAt(draft.tables, i, { value, use }) });
  return (
    <section className="review-section">
      <h3>进展情况统计表（{draft.tables.length} 张）</h3>
      {draft.tables.length === 0 ? (
        <p className="muted">
          通知里没有带（ ）的统计表。台账照样可以建立，记录活动和截止日期；统计表可以以后再粘贴。
        </p>
      ) : null}
      {draft.tables.map(({ value: t, use }, i) => {
        const builtin = matchingBuiltin(t);
        return (
          <div key={t.id} className={`review-table${use ? '' : ' dropped'}`}>
            <div className="review-row">
              <label className="inline">
                <input
                  type="checkbox"
                  checked={use}
                  aria-label={`使用统计表 ${i + 1}`}
                  onChange={(e) => setTable(i, t, e.target.checked)}
                />
                使用
              </label>
              <input
                className="grow"
                aria-label={`统计表 ${i + 1} 的名称`}
                value={t.title}
                onChange={(e) => setTable(i, { ...t, title: e.target.value }, use)}
              />
              <span className="tag">{t.slots.length} 个空</span>
              <span className="tag">{t.rows.length} 行</span>
              {builtin ? <span className="tag ok">与内置统计表一致</span> : null}
              {i === draft.tables.findIndex((x) => x.use) ? <span className="tag key">台账使用</span> : null}
            </div>
            <details>
              <summary>逐项查看 {t.slots.length} 个空（可改正“填什么”）</summary>
              <table className="list compact">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>项目</th>
                    <th>空</th>
                    <th>填什么</th>
                  </tr>
                </thead>
                <tbody>
                  {t.slots.map((s, j) => (
                    <tr key={s.id}>
                      <td className="num">{j + 1}</td>
                      <td>{[s.group, s.item].filter(Boolean).join(' / ')}</td>
                      <td className="source-text">{slotPhrase(s)}</td>
                      <td>
                        <select
                          aria-label={`第 ${j + 1} 个空填什么`}
                          value={s.kind}
                          onChange={(e) =>
                            setTable(
                              i,
                              {
                                ...t,
                                slots: replaceAt(t.slots, j, { ...s, kind: e.target.value as SlotKind }),
                              },
                              use,
                            )
                          }
                        >
                          {Object.entries(SLOT_KIND_NAMES).map(([k, name]) => (
                            <option key={k} value={k}>
                              {name}
                              {s.unit && k === s.kind ? `（${s.unit}）` : ''}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </div>
        );
      })}
    </section>
  );
}
