import type { EntrySummary, UnitLog } from '@tianbao/core';

const SHOWN = 20;
const TITLE_CHARS = 40;

/**
 * Entries a colleague's copy wrote past the rules (they arrive by sync; a shared log cannot refuse them):
 * kept, left out of the statistics, and listed here with what is wrong until someone corrects them.
 */
export function InvalidEntries(props: {
  log: UnitLog;
  summaries: EntrySummary[];
  onEdit: (r: EntrySummary) => void;
}) {
  const invalid = props.log.invalidEntries();
  if (!invalid.length) return null;
  const byId = new Map(props.summaries.map((s) => [s.id, s]));
  return (
    <div className="error-banner invalid-entries" role="alert" aria-label="数据有误的活动">
      <p>
        <b>有 {invalid.length} 条活动的数据不符合要求</b>
        （来自同事的同步）。这些活动已保留，但改正前它们填报的数值不计入统计表：
      </p>
      <ul>
        {invalid.slice(0, SHOWN).map(({ id, problems }) => {
          const r = byId.get(id);
          const title = r?.title ?? id;
          return (
            <li key={id}>
              {r?.date ?? ''} “{title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS)}…` : title}”：
              {problems.map((p) => p.messageZh).join('；')}
              {r && !r.deleted ? (
                <button type="button" className="link" onClick={() => props.onEdit(r)}>
                  改正
                </button>
              ) : r?.deleted ? (
                '（已在回收站）'
              ) : null}
            </li>
          );
        })}
      </ul>
      {invalid.length > SHOWN ? <p>另有 {invalid.length - SHOWN} 条未列出。</p> : null}
    </div>
  );
}
