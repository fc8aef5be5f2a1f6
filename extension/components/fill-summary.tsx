/** What 一键填报 did: filled, left for confirmation, blanks the page does not have; and 撤销. */
export interface FillCounts {
  filled: number;
  unsure: number;
  notFound: number;
  /** Controls left alone because the person had typed something there (no overwrite). */
  notEmpty: number;
  /** Matched controls whose blank has no value in the log yet. */
  noValue: number;
  ms: number;
}

export function FillSummary(props: { counts: FillCounts; onUndo: () => void; busy: boolean }) {
  const c = props.counts;
  return (
    <section
      className="fill-summary"
      aria-label="填报结果"
      data-filled={c.filled}
      data-unsure={c.unsure}
      data-not-found={c.notFound}
    >
      <p className="summary-line">
        <strong>已填 {c.filled}</strong>、<span className="warn-text">需确认 {c.unsure}</span>、页面上没有的{' '}
        {c.notFound}
      </p>
      {c.notEmpty || c.noValue ? (
        <p className="muted small-text">
          {c.notEmpty ? `${c.notEmpty} 项网页上已有内容，未覆盖；` : ''}
          {c.noValue ? `${c.noValue} 项台账中还没有数据。` : ''}
        </p>
      ) : null}
      <p className="muted small-text">
        已填的项在网页上以绿框标出，需确认的以橙框标出。请核对后再在网页上提交。
      </p>
      <button type="button" onClick={props.onUndo} disabled={props.busy}>
        撤销
      </button>
    </section>
  );
}
