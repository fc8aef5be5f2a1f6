import { IMPORT_LIMITS, importTable, TERM, type Template, TemplateImportError } from '@tianbao/templates';
import { useEffect, useState } from 'react';
import { fieldErrors, userMessage } from '../utils/input-errors';
import { createLog, joinFromFile, joinFromInvitation, type OpenLog } from '../utils/log-client';
import type { NoticeDraft } from '../utils/notice-draft';
import { userName } from '../utils/settings';
import {
  findTemplate,
  saveImportedTemplate,
  statisticsTemplates,
  type TemplateChoice,
} from '../utils/templates';
import {
  applyYearSchedule,
  checkYearSchedule,
  type YearSchedule,
  yearOfCampaign,
  yearScheduleFor,
} from '../utils/year-schedule';
import { ErrorText } from './error-text';
import { FileButton } from './file-button';
import { FormField } from './form-field';
import { NoticeDrop } from './notice-drop';
import { NoticeSetup } from './notice-setup';
import { YearDeadlines } from './year-deadlines';

/** 开始使用: who you are, then create the unit's log or join a colleague's. */
export function FirstRun(props: { onOpened: (open: OpenLog) => void; onCancel?: () => void }) {
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [campaign, setCampaign] = useState(`${new Date().getFullYear()}年“安全生产月”`);
  const [templates, setTemplates] = useState<TemplateChoice[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [paste, setPaste] = useState<{ text: string; html?: string } | null>(null);
  const [imported, setImported] = useState<{ template: Template; warnings: string[] } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<NoticeDraft | null>(null);
  const [chosen, setChosen] = useState<Template | undefined>(undefined);
  const [dates, setDates] = useState<YearSchedule | null>(null);
  const year = yearOfCampaign(campaign);

  useEffect(() => {
    let live = true;
    if (!templateId || templateId === 'paste') setChosen(undefined);
    else
      void findTemplate(templateId).then((t) => {
        if (live) setChosen(t);
      });
    return () => {
      live = false;
    };
  }, [templateId]);
  // A past year's table: its dates prefilled in the campaign's year, asked again when either changes.
  useEffect(() => setDates(chosen ? yearScheduleFor(chosen, year) : null), [chosen, year]);

  useEffect(() => {
    void userName.getValue().then(setName);
    void statisticsTemplates().then((t) => {
      setTemplates(t);
      setTemplateId((id) => id || t[0]?.id || '');
    });
  }, []);

  const needName = () => {
    if (name.trim()) return false;
    setErrors({ name: '请填写您的姓名，台账会记录每条活动是谁记下的。' });
    return true;
  };

  const readPaste = () => {
    if (!paste?.text.trim() && !paste?.html) return;
    try {
      const input = paste.html
        ? { kind: 'html' as const, html: paste.html }
        : { kind: 'text' as const, text: paste.text };
      const result = importTable(input, { id: `imported-${Date.now().toString(36)}` });
      setImported(result);
      setErrors({});
    } catch (err) {
      setImported(null);
      setErrors({
        paste:
          err instanceof TemplateImportError && err.code === 'too-large'
            ? `粘贴的内容太多（文字不能超过 ${IMPORT_LIMITS.maxTextChars / 10_000} 万字，网页内容不能超过 ${IMPORT_LIMITS.maxHtmlChars / 10_000} 万字，表格不能超过 ${IMPORT_LIMITS.maxRows} 行、${IMPORT_LIMITS.maxSlots} 个空），没有识别。请只复制统计表本身后粘贴。`
            : err instanceof TemplateImportError
              ? '没能识别出统计表。请从通知中复制整张表格（包括表头和带（ ）的“进展情况”一栏）后粘贴。'
              : userMessage(err),
      });
    }
  };

  const create = async () => {
    if (needName()) return;
    setBusy(true);
    try {
      await userName.setValue(name.trim());
      let id = templateId;
      const confirmed = chosen && dates?.year === year ? dates : null;
      if (chosen && confirmed) {
        try {
          checkYearSchedule(chosen, confirmed);
        } catch (err) {
          setErrors(fieldErrors(err));
          return;
        }
      }
      if (templateId === 'paste') {
        if (!imported)
          throw Object.assign(new Error('no template'), { messageZh: '请先粘贴并识别新通知的统计表。' });
        await saveImportedTemplate(imported.template);
        id = imported.template.id;
      }
      const open = await createLog({ unitName: unit, campaign, templateIds: id ? [id] : [] });
      if (chosen && confirmed) applyYearSchedule(open.session.log, chosen, confirmed);
      else open.session.log.editSchedule({ year });
      props.onOpened(open);
    } catch (err) {
      const field = (err as { field?: string }).field;
      setErrors(field ? { [field]: userMessage(err) } : { _: userMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const [invitation, setInvitation] = useState('');
  const joinByInvitation = async () => {
    if (needName()) return;
    setBusy(true);
    try {
      await userName.setValue(name.trim());
      props.onOpened(await joinFromInvitation(invitation));
    } catch (err) {
      setErrors({ invitation: userMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const join = async (file: File) => {
    if (needName()) return;
    setBusy(true);
    try {
      await userName.setValue(name.trim());
      props.onOpened(await joinFromFile(new Uint8Array(await file.arrayBuffer())));
    } catch (err) {
      setErrors({ join: userMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="first-run">
      <h1>开始使用填报助手</h1>
      <p className="lead">
        一个单位一本活动台账：同事们一起记录活动，系统自动算出统计表的每一个数，并帮您在门户网页上一键填报。
      </p>
      <section className="card">
        <h2>1. 您的姓名</h2>
        <FormField label="姓名" error={errors.name} hint="每条活动会记录是谁添加和修改的">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="例如：张三" />
        </FormField>
      </section>
      {draft ? (
        <NoticeSetup
          draft={draft}
          unitName={unit}
          ready={async () => {
            if (needName()) return false;
            await userName.setValue(name.trim());
            return true;
          }}
          onBack={() => setDraft(null)}
          onOpened={props.onOpened}
        />
      ) : (
        <div className="two-cards">
          <section className="card">
            <h2>2. 新建本单位台账</h2>
            <NoticeDrop onRead={setDraft} onFailed={() => setTemplateId('paste')} />
            <p className="muted">没有通知文件时，填写下面几项后创建：</p>
            <FormField label="单位名称" error={errors.unitName}>
              <input
                value={unit}
                onChange={(e) => setUnit(e.target.value)}
                placeholder="例如：漠河市应急管理局"
              />
            </FormField>
            <FormField label={TERM.campaign} error={errors.campaign}>
              <input value={campaign} onChange={(e) => setCampaign(e.target.value)} />
            </FormField>
            <fieldset className="template-choice">
              <legend>统计表（按上级通知选择）</legend>
              {templates.map((t) => (
                <label key={t.id} className="radio">
                  <input
                    type="radio"
                    name="template"
                    checked={templateId === t.id}
                    onChange={() => setTemplateId(t.id)}
                  />
                  <span>
                    {t.origin ? <strong className="choice-origin">{t.origin}</strong> : null}
                    {t.title}
                    <span className="muted">（{t.slots} 个空）</span>
                    {t.notice ? <span className="choice-source">{t.notice}</span> : null}
                  </span>
                </label>
              ))}
              <label className="radio">
                <input
                  type="radio"
                  name="template"
                  checked={templateId === 'paste'}
                  onChange={() => setTemplateId('paste')}
                />
                <span>今年的新通知：粘贴通知中的统计表</span>
              </label>
              {templateId === 'paste' ? (
                <div className="paste-box">
                  <textarea
                    rows={6}
                    placeholder="在 Word/WPS 或网页中选中整张统计表，复制，然后粘贴到这里"
                    onPaste={(e) => {
                      const html = e.clipboardData.getData('text/html');
                      const text = e.clipboardData.getData('text/plain');
                      setPaste(html && /<table/i.test(html) ? { text, html } : { text });
                    }}
                    onChange={(e) => setPaste({ text: e.target.value })}
                    value={paste?.text ?? ''}
                  />
                  <button type="button" onClick={readPaste}>
                    识别表格
                  </button>
                  {errors.paste ? <p className="field-message">{errors.paste}</p> : null}
                  {imported ? (
                    <p className="notice">
                      已识别：{imported.template.title}，共 {imported.template.slots.length} 个空
                      {imported.warnings.length ? `（请核对：${imported.warnings.join('；')}）` : ''}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </fieldset>
            {chosen && dates ? (
              <YearDeadlines template={chosen} value={dates} onChange={setDates} errors={errors} />
            ) : null}
            {errors._ ? (
              <p className="error-banner">
                <ErrorText message={errors._} />
              </p>
            ) : null}
            <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
              创建台账
            </button>
          </section>
          <section className="card">
            <h2>或者：加入同事的台账</h2>
            <FormField label="同事发来的邀请" error={errors.invitation} hint="在同事的“成员与同步”中复制">
              <textarea
                rows={3}
                value={invitation}
                onChange={(e) => setInvitation(e.target.value)}
                placeholder="tianbao://…"
              />
            </FormField>
            <button
              type="button"
              className="primary"
              disabled={busy || !invitation.trim()}
              onClick={() => void joinByInvitation()}
            >
              通过邀请加入
            </button>
            <p className="muted">没有同步服务时：</p>
            <p className="muted">同事在“文件交换”中导出更新文件发给您，在这里打开即可加入同一本台账。</p>
            <div className={`field${errors.join ? ' field-error' : ''}`}>
              <span className="field-label">更新文件</span>
              <FileButton
                button="打开更新文件…"
                label="更新文件"
                accept=".tianbao"
                disabled={busy}
                onFiles={([file]) => file && void join(file)}
              />
              {errors.join ? <span className="field-message">{errors.join}</span> : null}
            </div>
            {props.onCancel ? (
              <button type="button" className="link" onClick={props.onCancel}>
                返回当前台账
              </button>
            ) : null}
          </section>
        </div>
      )}
    </main>
  );
}
