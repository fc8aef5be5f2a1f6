import { PLAN_FIELDS, type Plan, planTimeRange, planTimeText, planTimeValue } from '@tianbao/core';
import { TERM } from '@tianbao/templates';
import { useState } from 'react';
import { useDraft } from '../hooks/use-draft';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { makePlanTable } from '../utils/documents';
import { FIELD_NAMES, today } from '../utils/format';
import { fieldErrors, userMessage } from '../utils/input-errors';
import { ColleagueNote } from './colleague-note';
import { DocumentDownload } from './document-download';
import { FormField } from './form-field';
import { Modal } from './modal';
import { PlanTimeField } from './plan-time-field';

type PlanDraft = Record<(typeof PLAN_FIELDS)[number], string>;
const draftOf = (plan: Plan | undefined) =>
  Object.fromEntries(PLAN_FIELDS.map((f) => [f, plan?.[f] ?? ''])) as PlanDraft;

/** 重点活动计划 (时间, 地点, 主要内容, 主办单位, 协助单位, 工作分工, 成果形式); "完成" makes it an entry. */
export function PlansTab() {
  const open = useOpenLog();
  const { session } = open;
  useLogRevision();
  const log = session.log;
  const plans = log.listPlans();
  const live = plans.length;
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [done, setDone] = useState<Plan | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <section className="tab">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          ＋ 新增计划
        </button>
        <span className="muted">重点活动计划安排表：完成后点“标记完成”，计划会成为一条活动记录。</span>
        <span className="spacer" />
        <DocumentDownload
          label="导出计划表（Word）"
          make={() => makePlanTable(open, 'docx')}
          {...(!live && { disabled: '请先新增计划' })}
        />
        <DocumentDownload
          label="导出计划表（Excel）"
          make={() => makePlanTable(open, 'xlsx')}
          {...(!live && { disabled: '请先新增计划' })}
        />
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {plans.length ? (
        <table className="list">
          <thead>
            <tr>
              {PLAN_FIELDS.map((f) => (
                <th key={f}>{FIELD_NAMES[f]}</th>
              ))}
              <th>状态</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                {PLAN_FIELDS.map((f) => (
                  <td key={f} className={f === 'time' ? 'nowrap' : undefined}>
                    {f === 'time' ? planTimeText(p.time) : p[f]}
                  </td>
                ))}
                <td>
                  {p.entryId ? <span className="tag ok">已完成</span> : <span className="tag">计划中</span>}
                </td>
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => setEditing(p)}>
                    编辑
                  </button>
                  {!p.entryId ? (
                    <button type="button" className="link" onClick={() => setDone(p)}>
                      标记完成
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="link danger"
                    onClick={() => {
                      log.deletePlan(p.id);
                      setNotice('已删除该计划。');
                    }}
                  >
                    删除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">还没有重点活动计划。</p>
      )}
      {editing ? (
        <Modal title={editing === 'new' ? '新增计划' : '编辑计划'} onClose={() => setEditing(null)} wide>
          <PlanForm plan={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        </Modal>
      ) : null}
      {done ? (
        <Modal title="标记完成" onClose={() => setDone(null)}>
          <CompletePlan
            plan={done}
            onDone={(msg) => {
              setDone(null);
              setNotice(msg);
            }}
          />
        </Modal>
      ) : null}
    </section>
  );
}

function PlanForm(props: { plan: Plan | undefined; onDone: () => void }) {
  const { session } = useOpenLog();
  useLogRevision();
  // The plan as the log has it now: a colleague may change it while this form is open, and saving writes
  // only what this person typed over it, so their change to another field is not put back.
  const stored = () =>
    draftOf(
      props.plan &&
        (session.log.listPlans({ deleted: 'any' }).find((p) => p.id === props.plan?.id) ?? props.plan),
    );
  const draft = useDraft(stored());
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** A day picked in the calendar replaces 时间; none keeps what was there (an old plan's free text). */
  const [time, setTime] = useState({ start: '', end: '', bad: '' });
  // A field's message goes once the field changes: a refusal left standing beside the corrected text misleads.
  const edit = (f: keyof PlanDraft, value: string) => {
    draft.set(f, value);
    if (errors[f]) setErrors({ ...errors, [f]: '' });
  };
  const save = () => {
    if (time.bad) return setErrors({ time: time.bad });
    if (!time.start && time.end) return setErrors({ time: '请选择开始日期' });
    const picked = time.start ? { time: planTimeValue(time.start, time.end) } : {};
    const merged = { ...draft.merged(stored()), ...picked };
    const fields = Object.fromEntries(PLAN_FIELDS.map((f) => [f, merged[f]]));
    try {
      if (props.plan) session.log.updatePlan(props.plan.id, fields);
      else session.log.addPlan(fields);
      props.onDone();
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };
  const { values } = draft;
  return (
    <form
      className="entry-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="form-grid">
        {PLAN_FIELDS.map((f) =>
          f === 'time' ? (
            <PlanTimeField
              key={f}
              value={values.time}
              error={errors.time}
              onChange={(t) => {
                setTime(t);
                setErrors({ ...errors, time: '' });
              }}
            />
          ) : (
            <FormField
              key={f}
              label={FIELD_NAMES[f] ?? f}
              error={errors[f]}
              wide={f === 'content'}
              note={<ColleagueNote change={draft.changeOf(f)} onTake={() => draft.takeTheirs(f)} />}
            >
              {f === 'content' ? (
                <textarea rows={3} value={values[f]} onChange={(e) => edit(f, e.target.value)} />
              ) : (
                <input value={values[f]} onChange={(e) => edit(f, e.target.value)} />
              )}
            </FormField>
          ),
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          保存
        </button>
        <button type="button" onClick={props.onDone}>
          取消
        </button>
      </div>
    </form>
  );
}

function CompletePlan(props: { plan: Plan; onDone: (message: string) => void }) {
  const { session, ready } = useOpenLog();
  // The plan's first day when it has one: the usual case is a plan held on the day it named.
  const [date, setDate] = useState(planTimeRange(props.plan.time)?.start ?? today());
  const [error, setError] = useState('');
  const complete = async () => {
    try {
      await ready;
      session.log.completePlan(props.plan.id, { date });
      props.onDone(
        `已将“${props.plan.content.slice(0, 20)}”记入活动台账，可在台账中补充${TERM.contributions}。`,
      );
    } catch (err) {
      setError(userMessage(err));
    }
  };
  return (
    <div>
      <p>活动实际举办的日期：</p>
      <FormField label="日期" error={error}>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </FormField>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void complete()}>
          记入活动台账
        </button>
      </div>
    </div>
  );
}
