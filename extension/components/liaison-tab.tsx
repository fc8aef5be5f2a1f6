import { PROFILE_FIELDS, type Profile } from '@tianbao/core';
import { useEffect, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { fieldErrors } from '../utils/input-errors';
import { FormField } from './form-field';

const LABELS: Record<keyof Profile, [string, string?]> = {
  name: ['姓名'],
  gender: ['性别'],
  title: ['职务'],
  officePhone: ['办公电话', '例如 0457-2712884'],
  mobile: ['手机', '11位手机号'],
  fax: ['传真'],
  qq: ['QQ'],
  wechat: ['微信号'],
  email: ['电子邮箱'],
  unitName: ['单位名称'],
  address: ['通讯地址'],
};

/** 联络员: the liaison profile the notice asks for, also used to fill the portal's liaison form. */
export function LiaisonTab() {
  const { session } = useOpenLog();
  const rev = useLogRevision();
  const [draft, setDraft] = useState<Profile>(session.log.getProfile());
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  // Follow colleagues' edits unless this person is in the middle of typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  useEffect(() => {
    if (!dirty) setDraft(session.log.getProfile());
  }, [rev]);
  const set = (k: keyof Profile, v: string) => {
    setDraft({ ...draft, [k]: v });
    setDirty(true);
    setSaved(false);
  };
  const save = () => {
    try {
      session.log.setProfile(draft);
      setErrors({});
      setDirty(false);
      setSaved(true);
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };
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
              label={LABELS[f][0]}
              error={errors[f]}
              {...(LABELS[f][1] && { hint: LABELS[f][1] })}
              wide={f === 'address' || f === 'unitName'}
            >
              {f === 'gender' ? (
                <select value={draft.gender} onChange={(e) => set('gender', e.target.value)}>
                  <option value="">请选择</option>
                  <option value="男">男</option>
                  <option value="女">女</option>
                </select>
              ) : (
                <input value={draft[f]} onChange={(e) => set(f, e.target.value)} />
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
        </div>
      </form>
    </section>
  );
}
