import { readNumberInput, type SlotStat } from '@tianbao/core';
import type { Slot, Template } from '@tianbao/templates';
import { useState } from 'react';
import { useDraft } from '../hooks/use-draft';
import { useOpenLog } from '../hooks/use-log';
import { formatTime, formatValue, SLOT_KIND_NAMES, slotPhrase } from '../utils/format';
import { fieldErrors } from '../utils/input-errors';
import { ColleagueNote } from './colleague-note';
import { FormField } from './form-field';
import { useUnsavedInput } from './modal';

/** The manual value's heading in the words of what it replaces: a 联络员 field is not a 台账合计. */
const MANUAL_HEADING: Record<SlotStat['source'], string> = {
  sum: '手工填写（覆盖台账合计）',
  profile: '手工填写（覆盖联络员信息）',
  manual: '手工填写的值',
  empty: '手工填写',
};

/** One blank: its value, which entries make it up and by whom, and a manual value with a reason. */
export function SlotDetail(props: { template: Template; slot: Slot; stat: SlotStat; onClose: () => void }) {
  const { session } = useOpenLog();
  const { slot, template } = props;
  const key = `${template.id}/${slot.id}`;
  const detail = session.log.explain(key);
  const manual = detail.manual;
  // Shows the value the table has now, so a correction is an edit rather than a retyping; what is typed is
  // kept apart, so a colleague's save while this is open shows in the other field and never replaces typing.
  const current = manual ? manual.value : props.stat.value;
  const draft = useDraft({
    value: current === null || current === undefined ? '' : String(current),
    reason: manual?.reason ?? '',
  });
  const { value, reason } = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  useUnsavedInput(draft.edited);
  const note = (field: 'value' | 'reason') => (
    <ColleagueNote
      change={draft.changeOf(field)}
      show={
        field === 'value' ? (v) => (slot.kind === 'boolean' ? (v === 'true' ? '是' : '否') : v) : undefined
      }
      onTake={() => draft.takeTheirs(field)}
    />
  );

  const numeric = slot.kind === 'number' || slot.kind === 'percent';
  // core's one reader: ８００, 1,200 and 800人 are read (and shown back), 约800 or 0x10 are asked about.
  const reading = numeric ? readNumberInput(value, { kind: slot.kind, unit: slot.unit }) : null;
  const save = () => {
    if (reading && !reading.ok) {
      setErrors({ value: reading.zh });
      return;
    }
    const v = numeric ? (reading?.value ?? Number.NaN) : slot.kind === 'boolean' ? value === 'true' : value;
    try {
      session.log.setManualValue(key, v, reason);
      props.onClose();
    } catch (err) {
      const e = fieldErrors(err);
      const reasonError = e[`values.${key}.reason`];
      // Each message next to its own field: a missing reason is not the value's fault.
      setErrors(
        reasonError
          ? { reason: reasonError }
          : { value: e[`values.${key}`] ?? e._ ?? Object.values(e)[0] ?? '' },
      );
    }
  };

  return (
    <div className="slot-detail">
      <p className="slot-where">
        {slot.group ? `${slot.group} › ` : ''}
        {slot.item || '表头'}
      </p>
      <p className="slot-phrase">{slotPhrase(slot)}</p>
      <dl className="facts">
        <dt>当前值</dt>
        <dd className="big">
          {props.stat.value === null ? (
            <span className="empty-blank">未填</span>
          ) : (
            formatValue(props.stat.value)
          )}
          {props.stat.value === null ? null : ` ${slot.unit}`}
        </dd>
        <dt>来源</dt>
        <dd>{props.stat.explanation}</dd>
        <dt>类型</dt>
        <dd>{SLOT_KIND_NAMES[slot.kind]}</dd>
      </dl>
      {detail.contributions?.length ? (
        <>
          <h3>计入的活动（{detail.contributions.length} 条）</h3>
          <table className="list compact">
            <thead>
              <tr>
                <th>日期</th>
                <th>活动名称</th>
                <th>记录人</th>
                <th className="num">计入</th>
              </tr>
            </thead>
            <tbody>
              {detail.contributions.map((c) => (
                <tr key={c.entryId}>
                  <td className="nowrap">{c.date}</td>
                  <td>{c.title}</td>
                  <td>{c.by}</td>
                  <td className="num">{c.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h3>{manual ? '手工填写的值' : MANUAL_HEADING[props.stat.source]}</h3>
      {manual ? (
        <p className="muted">
          {manual.by} 于 {formatTime(manual.at)} 填写{manual.reason ? `，原因：${manual.reason}` : ''}
        </p>
      ) : null}
      <div className="form-grid">
        <FormField
          label="值"
          error={errors.value}
          note={note('value')}
          {...(reading?.ok &&
            (reading.reformatted || reading.note) && {
              hint: `读作 ${reading.value} ${slot.unit}${reading.note ? `（${reading.note}）` : ''}`,
            })}
        >
          {slot.kind === 'boolean' ? (
            <select value={value} onChange={(e) => draft.set('value', e.target.value)}>
              <option value="">请选择</option>
              <option value="true">是</option>
              <option value="false">否</option>
            </select>
          ) : (
            <input
              type={slot.kind === 'date' ? 'date' : 'text'}
              inputMode={slot.kind === 'number' || slot.kind === 'percent' ? 'decimal' : undefined}
              value={value}
              onChange={(e) => {
                draft.set('value', e.target.value);
                // The value's message was about what was typed before; 原因's stays until saved.
                setErrors(({ value: _, ...rest }) => rest);
              }}
            />
          )}
        </FormField>
        <FormField label="原因" error={errors.reason} hint="例如：含下属单位上报数" note={note('reason')}>
          <input value={reason} onChange={(e) => draft.set('reason', e.target.value)} />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" onClick={save}>
          保存手工值
        </button>
        {manual ? (
          <button
            type="button"
            onClick={() => {
              session.log.clearManualValue(key);
              props.onClose();
            }}
          >
            清除手工值，恢复台账合计
          </button>
        ) : null}
      </div>
    </div>
  );
}
