import type { EntrySummary, UnitLog } from '@tianbao/core';
import { useMemo } from 'react';

const SHOWN = 20;
const TITLE_CHARS = 40;
/** Where a person corrects each kind of record. */
const RECORD_PLACE = { plan: '重点活动计划', profile: '联络员', value: '统计表中手工填写的数' } as const;

/**
 * Entries a colleague's copy wrote past the rules (they arrive by sync; a shared log cannot refuse them):
 * kept, left out of the statistics, and listed here with what is wrong until someone corrects them.
 */
export function InvalidEntries(props: {
  log: UnitLog;
  /** The log's change counter (useLogRevision): the problems are read again only when it moves. */
  revision: number;
  summaries: EntrySummary[];
  onEdit: (r: EntrySummary) => void;
}) {
  const { log, revision } = props;
  // recordProblems() walks every plan, liaison field and manual value: once per change of the log, not
  // on every render of the 活动台账 (typing in its filters re-renders it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the log's change counter
  const { invalid, records } = useMemo(
    () => ({ invalid: log.invalidEntries(), records: log.recordProblems() }),
    [log, revision],
  );
  if (!invalid.length && !records.length) return null;
  const byId = new Map(props.summaries.map((s) => [s.id, s]));
  return (
    <div className="error-banner invalid-entries" role="alert" aria-label="数据有误的活动">
      {invalid.length ? (
        <p>
          <b>有 {invalid.length} 条活动的数据不符合要求</b>
          （来自同事的同步）。这些活动已保留，但改正前它们填报的数值不计入统计表：
        </p>
      ) : null}
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
      {records.length ? (
        <>
          <p>
            <b>其他记录中有 {records.length} 处数据不符合要求</b>
            （来自同事的同步，已保留但不使用），请在对应页面重新填写：
          </p>
          <ul>
            {records.map((r) => (
              <li key={`${r.record}:${r.id}`}>
                {RECORD_PLACE[r.record]}：{r.problems.map((p) => p.messageZh).join('；')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
