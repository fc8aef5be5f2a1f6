import type { SeenFields } from '@tianbao/core';
import { useOpenLog } from '../hooks/use-log';
import { fieldName, formatValue } from '../utils/format';

export interface StaleField {
  field: string;
  seen: unknown;
  now: unknown;
  by: string;
}

/**
 * 「此项已被王丽改为…」: a colleague changed a field after this form showed it. The person chooses: keep
 * their own value (the colleague's goes to 冲突 on both sides, never lost) or take the colleague's.
 */
export function StalePrompt(props: {
  stale: StaleField[];
  mine: (field: string) => unknown;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { template } = useOpenLog();
  return (
    <div className="stale-box" role="alert">
      <p>您打开这项活动之后，同事修改了您也改过的内容：</p>
      <ul>
        {props.stale.map((s) => (
          <li key={s.field}>
            <strong>{fieldName(s.field, template)}</strong>：此项已被{s.by || '同事'}改为“{formatValue(s.now)}
            ”（您打开时是“
            {formatValue(s.seen)}”，您填的是“{formatValue(props.mine(s.field))}”）
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="primary" onClick={props.onKeepMine}>
          仍用我的（对方的值记入“冲突”）
        </button>
        <button type="button" onClick={props.onTakeTheirs}>
          用对方的
        </button>
      </div>
    </div>
  );
}

export type { SeenFields };
