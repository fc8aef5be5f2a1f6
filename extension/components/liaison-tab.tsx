import { maskIdNumber, PROFILE_FIELDS, type Profile } from '@tianbao/core';
import { PROFILE_LABEL } from '@tianbao/templates';
import { useState } from 'react';
import { useDraft } from '../hooks/use-draft';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { makeLiaisonForm } from '../utils/documents';
import { fieldErrors } from '../utils/input-errors';
import { ColleagueNote } from './colleague-note';
import { DocumentDownload } from './document-download';
import { FormField } from './form-field';
import { IdNumberInput } from './id-number-input';

const HINTS: Partial<Record<keyof Profile, string>> = {
  officePhone: '例如 0457-2712884',
  mobile: '11位手机号',
  idNumber: '门户要求时填写；只在填写时显示全部数字',
};

/** 联络员: the liaison profile the notice asks for, also used to fill the portal's liaison form. */
export function LiaisonTab() {
  const open = useOpenLog();
  const { session } = open;
  useLogRevision();
  // 单位名称 starts as the log's own unit: the liaison form asks for the unit the log belongs to.
  const withUnit = (p: Profile): Profile =>
    p.unitName ? p : { ...p, unitName: session.log.meta().unitName };
  // Colleagues' saves show in the fields this person has not touched; what they typed stays as typed.
  const draft = useDraft(withUnit(session.log.getProfile()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const set = (k: keyof Profile, v: string) => {
    draft.set(k, v);
    setSaved(false);
  };
  const save = () => {
    try {
      session.log.setProfile(draft.merged(withUnit(session.log.getProfile())));
      draft.clear();
      setErrors({});
      setSaved(true);
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };
  const { values } = draft;
  return (
    <section className="tab narrow">
      <p className="muted">联络员推荐表所需信息。保存后，同事的电脑上也会同步显示，门户填报时自动带出。</p>
      <form
        className="entry-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="form-grid">
          {PROFILE_FIELDS.map((f) => (
            <FormField
              key={f}
              label={PROFILE_LABEL[f]}
              error={errors[f]}
              {...(HINTS[f] && { hint: HINTS[f] })}
              wide={f === 'address' || f === 'unitName'}
              note={
                <ColleagueNote
                  change={draft.changeOf(f)}
                  show={f === 'idNumber' ? maskIdNumber : undefined}
                  onTake={() => draft.takeTheirs(f)}
                />
              }
            >
              {f === 'gender' ? (
                <select value={values.gender} onChange={(e) => set('gender', e.target.value)}>
                  <option value="">请选择</option>
                  <option value="男">男</option>
                  <option value="女">女</option>
                </select>
              ) : f === 'idNumber' ? (
                <IdNumberInput value={values.idNumber} onChange={(v) => set('idNumber', v)} />
              ) : (
                <input value={values[f]} onChange={(e) => set(f, e.target.value)} />
              )}
            </FormField>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            保存联络员信息
          </button>
          {saved ? (
            <span className="tag ok" role="status">
              已保存
            </span>
          ) : null}
          <span className="spacer" />
          <DocumentDownload
            label="导出联络员推荐表（Word）"
            make={() => makeLiaisonForm(open)}
            {...(draft.edited && { disabled: '请先保存联络员信息' })}
          />
        </div>
      </form>
    </section>
  );
}
