import { TERM } from '@tianbao/templates';
import { useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { type ApplyRow, rollupReason } from '../utils/excel-rollup-plan';
import { userMessage } from '../utils/input-errors';
import { ErrorText } from './error-text';
import { Modal } from './modal';

const show = (v: ApplyRow['current']) =>
  v === null ? '（空）' : v === true ? '是' : v === false ? '否' : String(v);

const STATUS_TAG: Record<ApplyRow['status'], [string, string]> = {
  new: ['新填', 'tag ok'],
  'over-sum': ['改为汇总值', 'tag'],
  'over-manual': ['已有手工值', 'tag warn'],
  same: ['相同', 'tag'],
  skip: ['不填入', 'tag'],
};

/** Asks before writing: which blanks change from what to what; manual values only when ticked. */
export function RollupApply(props: {
  rows: ApplyRow[];
  unitCount: number;
  /** 「不完整：缺少 N 个下级单位」 when files could not be used: filling needs an explicit tick. */
  incomplete: string | null;
  onClose: () => void;
  onApplied: (n: number) => void;
}) {
  const { session, ready } = useOpenLog();
  const changes = props.rows.filter((r) => r.status === 'new' || r.status.startsWith('over'));
  const rest = props.rows.filter((r) => r.status === 'same' || r.status === 'skip');
  const [ticked, setTicked] = useState(() => new Set(changes.filter((r) => r.checked).map((r) => r.key)));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [knowsIncomplete, setKnowsIncomplete] = useState(false);
  const reason = rollupReason(props.unitCount, props.incomplete);
  const manualTicked = changes.filter((r) => r.status === 'over-manual' && ticked.has(r.key)).length;

  const apply = async () => {
    setBusy(true);
    try {
      await ready;
      let n = 0;
      // One transaction, one change for the other pages. applyPlan kept only values the blanks' kinds take
      // (numbers not negative, text short enough), so setManualValue's own check does not stop halfway.
      const chosen = changes.filter((r) => ticked.has(r.key));
      session.log.root.transact(() => {
        for (const r of chosen) {
          session.log.setManualValue(r.key, r.next, reason);
          n++;
        }
      });
      await session.flush();
      props.onApplied(n);
    } catch (err) {
      setError(userMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: string) => {
    const next = new Set(ticked);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setTicked(next);
  };

  return (
    <Modal title="把汇总值填入本台账" onClose={props.onClose} wide>
      <p>
        勾选的项目将作为手工值填入本台账，原因记为“{reason}
        ”。已有手工填写的值默认不勾选， 只有勾选后才会被改写。
      </p>
      {props.incomplete ? (
        <div className="error-banner" role="alert">
          <p>
            {props.incomplete}
            ：有的下级单位的文件未能汇总，下面的汇总值没有包含这些单位的数字，填入后统计表会少算。
          </p>
          <label className="inline">
            <input
              type="checkbox"
              checked={knowsIncomplete}
              onChange={(e) => setKnowsIncomplete(e.target.checked)}
            />
            我知道汇总不完整，仍要填入（每个值的原因都会注明“不完整”）
          </label>
        </div>
      ) : null}
      {changes.length ? (
        <div className="excel-scroll excel-apply">
          <table className="list compact">
            <thead>
              <tr>
                <th>填入</th>
                <th>序号</th>
                <th>{TERM.blank}</th>
                <th>现在</th>
                <th>汇总值</th>
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((r) => (
                <tr key={r.key} className={r.status === 'over-manual' ? 'excel-manual' : ''}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`填入第 ${r.index} 项`}
                      checked={ticked.has(r.key)}
                      onChange={() => toggle(r.key)}
                    />
                  </td>
                  <td className="num">{r.index}</td>
                  <td className="excel-phrase">{r.phrase}</td>
                  <td className="nowrap">{show(r.current)}</td>
                  <td className="nowrap excel-total">{show(r.next)}</td>
                  <td>
                    <span className={STATUS_TAG[r.status][1]}>{STATUS_TAG[r.status][0]}</span> {r.note}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">没有可以填入的项目。</p>
      )}
      {rest.length ? (
        <details className="excel-skipped">
          <summary>另有 {rest.length} 项不填入（与现值相同、下级都未填写、百分比或“是/否”计数）</summary>
          <ul>
            {rest.map((r) => (
              <li key={r.key}>
                第 {r.index} 项 {r.phrase}：{r.note}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {manualTicked ? <p className="error-banner">将改写 {manualTicked} 项已有的手工值，请确认。</p> : null}
      {error ? (
        <p className="error-banner" role="alert">
          <ErrorText message={error} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          取消
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !ticked.size || (props.incomplete !== null && !knowsIncomplete)}
          onClick={() => void apply()}
        >
          确认填入 {ticked.size} 项
        </button>
      </div>
    </Modal>
  );
}
