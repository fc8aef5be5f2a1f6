import { fullDayText, isValidDate } from '@tianbao/core';
import { TERM } from '@tianbao/templates';

/** What 一键填报 did: filled, left for confirmation, blanks the page does not have; and 撤销. */
export interface FillCounts {
  filled: number;
  unsure: number;
  notFound: number;
  /** Matched controls whose blank has no value in the log yet. */
  noValue: number;
  ms: number;
}

/** A control that held another answer than the log's: left alone until the person says 覆盖 or 保留. */
export interface Difference {
  key: string;
  /** The blank as the product names it (its item and sentence), and the page's own words on hover. */
  name: string;
  pageLabel: string;
  /** What the page shows, and what the log would put there. */
  current: string;
  wanted: string;
}

/** The log's date as people write it (2026年12月4日); the page's own side stays as the page shows it. */
const logSide = (wanted: string): string => (isValidDate(wanted) ? fullDayText(wanted) : wanted);

export function FillSummary(props: {
  counts: FillCounts;
  differences: Difference[];
  onReplace: (keys: string[]) => void;
  onKeep: (keys: string[]) => void;
  onUndo: () => void;
  busy: boolean;
  /** The 联络员推荐表: its blanks come from 联络员信息, and hold words, not 数. */
  liaison?: boolean;
}) {
  const c = props.counts;
  const diffs = props.differences;
  // Green only when nothing is left for the person: no other answer standing, no unsure blank.
  const settled = diffs.length === 0 && c.unsure === 0;
  return (
    <section
      className={`fill-summary ${settled ? 'settled' : 'pending'}`}
      aria-label="填报结果"
      data-filled={c.filled}
      data-unsure={c.unsure}
      data-not-found={c.notFound}
      data-differences={diffs.length}
    >
      <p className="summary-line">
        <strong>已填 {c.filled}</strong>、<span className="warn-text">需确认 {c.unsure}</span>
        {diffs.length ? <span className="warn-text">、网页上已有不同内容 {diffs.length}</span> : null}
        、页面上没有的 {c.notFound}
      </p>
      {diffs.length ? (
        <div className="differences">
          <p className="small-text">
            下面 {diffs.length}{' '}
            项网页上原来就有内容，与台账不同，没有改动。请逐项选择：覆盖为台账中的数，或保留网页上的内容。
          </p>
          <ul className="difference-list">
            {diffs.map((d) => (
              <li key={d.key} className="difference" data-key={d.key}>
                <div className="difference-name" title={`${d.name}\n网页上的说法：${d.pageLabel}`}>
                  {d.name}
                </div>
                <div className="difference-values">
                  <span className="page-side" title={`网页上：${d.current}`}>
                    网页上 <b>{d.current}</b>
                  </span>
                  <span className="log-side" title={`台账：${logSide(d.wanted)}`}>
                    台账 <b>{logSide(d.wanted)}</b>
                  </span>
                  <button
                    type="button"
                    className="small"
                    disabled={props.busy}
                    onClick={() => props.onReplace([d.key])}
                    aria-label={`覆盖：${d.name}`}
                  >
                    覆盖
                  </button>
                  <button
                    type="button"
                    className="small"
                    disabled={props.busy}
                    onClick={() => props.onKeep([d.key])}
                    aria-label={`保留：${d.name}`}
                  >
                    保留
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {diffs.length > 1 ? (
            <div className="picker-actions">
              <button
                type="button"
                className="small"
                disabled={props.busy}
                onClick={() => props.onReplace(diffs.map((d) => d.key))}
              >
                全部覆盖
              </button>
              <button
                type="button"
                className="small"
                disabled={props.busy}
                onClick={() => props.onKeep(diffs.map((d) => d.key))}
              >
                全部保留
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {c.noValue ? (
        <p className="muted small-text">
          {c.noValue} 项{props.liaison ? `${TERM.liaisonProfile}中没有填写` : '台账中还没有数'}，未填写。
        </p>
      ) : null}
      <p className="muted small-text">
        已填的项在网页上以绿框标出，需确认的和网页上已有不同内容的以橙框标出。请核对后再在网页上提交。
      </p>
      <button type="button" onClick={props.onUndo} disabled={props.busy}>
        撤销
      </button>
    </section>
  );
}
