import type { Template } from '@tianbao/templates';

/**
 * The panel's head: which table the page is read against, and 一键填报. A control that already holds
 * another answer is never overwritten by it: the summary lists each one with 覆盖 / 保留.
 */
export function FillBar(props: {
  choice: string;
  onChoice: (id: string) => void;
  /** The table 自动选择 settled on. */
  picked: string | null;
  candidates: Template[];
  canFill: boolean;
  onFill: () => void;
}) {
  const picked = props.candidates.find((t) => t.id === props.picked);
  // At 400 px a table's long title is cut in the closed box: whole on hover.
  const auto = `自动选择${picked ? `（${picked.title}）` : ''}`;
  const shown =
    props.choice === 'auto' ? auto : (props.candidates.find((t) => t.id === props.choice)?.title ?? '');
  return (
    <div className="companion-head">
      <label className="template-select">
        <span>对照</span>
        <select
          value={props.choice}
          onChange={(e) => props.onChoice(e.target.value)}
          aria-label="对照的表"
          title={shown}
        >
          <option value="auto">{auto}</option>
          {props.candidates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      <div className="fill-bar">
        <button type="button" className="primary" onClick={props.onFill} disabled={!props.canFill}>
          一键填报
        </button>
      </div>
    </div>
  );
}
