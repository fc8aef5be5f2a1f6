import { type AttachmentRef, type Entry, entryErrors, readNumberInput } from '@tianbao/core';
import { ENTRY_LABEL, TERM, type Template } from '@tianbao/templates';
import { useEffect, useRef, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { useSchedule } from '../hooks/use-schedule';
import { outsideCampaignWarning } from '../utils/campaign-date';
import { type Draft, entryPatch } from '../utils/entry-patch';
import { textReason } from '../utils/entry-text-blanks';
import { today } from '../utils/format';
import { fieldErrors } from '../utils/input-errors';
import { ContributionsPicker } from './contributions-picker';
import { EntryAttachments } from './entry-attachments';
import { ErrorText } from './error-text';
import { FormField } from './form-field';
import { useModalClose, useUnsavedInput } from './modal';
import { type StaleField, StalePrompt } from './stale-prompt';

const KINDS = [
  '启动仪式',
  '专题学习',
  '宣传进企业',
  '宣传进农村',
  '宣传进社区',
  '宣传进学校',
  '宣传进家庭',
  '宣传咨询日',
  '应急演练',
  '安全培训',
  '隐患排查',
  '媒体报道',
  '警示教育',
  '其他',
];

/**
 * The text blanks the table has a value for that belong with this activity: those of the rows it counts
 * towards, and those typed in its own form (their reason names it).
 */
function textBlanksOf(
  template: Template | undefined,
  e: Entry | undefined,
  log: { manualValues(): Record<string, { value: unknown; reason: string }> },
): Record<string, string> {
  if (!template || !e) return {};
  const items = new Set(
    Object.keys(e.contributions)
      .map((k) => template.slots.find((s) => `${template.id}/${s.id}` === k)?.item)
      .filter(Boolean),
  );
  const values = log.manualValues();
  const out: Record<string, string> = {};
  for (const s of template.slots) {
    const key = `${template.id}/${s.id}`;
    const v = values[key]?.value;
    const mine = items.has(s.item) || values[key]?.reason === textReason(e);
    if (s.section === 'table' && s.kind === 'text' && mine && typeof v === 'string') out[key] = v;
  }
  return out;
}

/**
 * Add or edit one activity; the log refuses bad input with a message per field, nothing half-saved.
 * `copyOf` (复制为新活动) starts a new activity from another one: its words and the blanks it counts
 * towards, but no date, numbers or photos, since those are what differ from one activity to the next
 * and a copied number would be counted twice without anyone noticing.
 */
export function EntryForm(props: { entry?: Entry; copyOf?: Entry; onDone: (id?: string) => void }) {
  const { session, template, ready, sync } = useOpenLog();
  const e = props.entry;
  const from = e ?? props.copyOf;
  const { schedule } = useSchedule();
  const closeModal = useModalClose();
  // Colleagues online see which entry is being edited (成员与同步).
  useEffect(() => {
    sync.connection()?.setPresence(e ? `正在编辑“${e.title}”` : '正在新增活动', e?.id);
    return () => sync.connection()?.setPresence('正在看“活动台账”');
  }, [sync, e]);
  // Colleagues who have this very activity open now (presence), so nobody is surprised on save.
  useLogRevision();
  const others = e
    ? (sync.connection()?.peers() ?? []).filter((p) => p.entryId === e.id).map((p) => p.user)
    : [];
  const [, setPresenceTick] = useState(0);
  useEffect(() => sync.onChange(() => setPresenceTick((n) => n + 1)), [sync]);
  const [attachments, setAttachments] = useState<AttachmentRef[]>(e?.attachments ?? []);
  const [stale, setStale] = useState<StaleField[] | null>(null);
  const [draft, setDraft] = useState<Draft>({
    date: e?.date ?? (props.copyOf ? '' : today()),
    title: from?.title ?? '',
    kind: from?.kind ?? '',
    location: from?.location ?? '',
    organizer: from?.organizer ?? '',
    partners: from?.partners ?? '',
    description: from?.description ?? '',
  });
  const [counts, setCounts] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(from?.contributions ?? {}).map(([k, v]) => [k, e ? String(v) : ''])),
  );
  // Text blanks (以（ ）等形式启动…) of the rows this activity counts towards, as the table has them now.
  const [texts, setTexts] = useState<Record<string, string>>(() => textBlanksOf(template, e, session.log));
  const [highlight, setHighlight] = useState(!!e?.highlight);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // Photos still being read into the form: saving now would leave them out without a word.
  const [reading, setReading] = useState(0);
  /** The date the person said to save although it is outside the campaign (仍然保存). */
  const [dateConfirmed, setDateConfirmed] = useState('');
  const [dateWarning, setDateWarning] = useState('');
  const dateInput = useRef<HTMLInputElement>(null);
  const set = (k: keyof Draft) => (ev: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: ev.target.value });

  // Unsaved input: anything differing from what the form first showed.
  const shown = JSON.stringify({ draft, counts, texts, highlight, attachments });
  const [initial] = useState(shown);
  useUnsavedInput(shown !== initial);

  /** A text blank typed here becomes the table's value for it, with this activity as its reason. */
  const saveTexts = (d: Draft) => {
    const current = session.log.manualValues();
    for (const [key, text] of Object.entries(texts)) {
      const t = text.trim();
      const was = current[key]?.value;
      if (t === (typeof was === 'string' ? was : '')) continue;
      if (t) session.log.setManualValue(key, t, textReason(d));
      else session.log.clearManualValue(key);
    }
  };

  const save = async (choice?: 'mine' | 'theirs', confirmedDate = dateConfirmed) => {
    if (reading) return;
    // Numbers as typed or pasted (８００, 1,200, 800人) are read by core's one reader; what it cannot read
    // exactly (约800, 12.5, 1,2) keeps its own sentence next to the blank instead of the log's generic one.
    const contributions: Record<string, unknown> = {};
    const unreadable: Record<string, string> = {};
    for (const [k, v] of Object.entries(counts)) {
      const slot = template?.slots.find((s) => `${template.id}/${s.id}` === k);
      const r = readNumberInput(v, { kind: slot?.kind, unit: slot?.unit });
      contributions[k] = r?.ok ? r.value : Number.NaN;
      if (r && !r.ok) unreadable[`contributions.${k}`] = r.zh;
    }
    // Every error at once, next to its field, before anything else is asked.
    const problems = entryErrors(
      { ...draft, highlight, contributions, attachments },
      { partial: false, ...(session.log.kindOf && { kindOf: session.log.kindOf }) },
    );
    if (problems.length) {
      setErrors(Object.assign({}, ...problems.map(fieldErrors), unreadable));
      setDateWarning('');
      return;
    }
    setErrors({});
    // A date outside the campaign (a mistyped year, last month) is asked about before anything is saved;
    // an edit that leaves an old date alone is not asked again.
    const warning = outsideCampaignWarning(draft.date, schedule.campaign);
    if (warning && draft.date !== confirmedDate && draft.date !== e?.date) {
      setDateWarning(warning);
      return;
    }
    setDateWarning('');
    // Removed blanks are set to 0, which the log treats as "no longer adds to this blank".
    for (const k of Object.keys(e?.contributions ?? {})) if (!(k in contributions)) contributions[k] = 0;
    setSaving(true);
    try {
      if (e) {
        await session.loadShardOf(e.id);
        const { patch, seen } = entryPatch(e, draft, { highlight, contributions, attachments });
        if (choice === 'theirs')
          for (const s of stale ?? []) {
            if (s.field.startsWith('c:'))
              delete (patch.contributions as Record<string, unknown>)?.[s.field.slice(2)];
            else delete patch[s.field];
          }
        // A value a colleague changed since this form showed it: ask before overwriting it.
        const found = choice ? [] : session.log.staleFields(e.id, patch, seen);
        if (found.length) {
          setStale(found);
          return;
        }
        session.log.updateEntry(e.id, patch, { seen });
        saveTexts(draft);
        props.onDone(e.id);
      } else {
        // A new entry lands in a shard chosen by its id; make sure every shard is loaded.
        await ready;
        const id = session.log.addEntry({ ...draft, highlight, contributions, attachments });
        saveTexts(draft);
        props.onDone(id);
      }
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="entry-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        void save();
      }}
    >
      {props.copyOf ? (
        <p className="notice">
          已复制“{props.copyOf.title}”的内容和统计项。请填写这次活动的日期和计入统计表的数，保存后才会添加。
        </p>
      ) : null}
      {others.length ? (
        <p className="others-editing" role="status">
          {others.join('、')} 也正在编辑这项活动，保存时如有冲突会提示您。
        </p>
      ) : null}
      <div className="form-grid">
        <FormField label={ENTRY_LABEL.date} error={errors.date}>
          <input
            type="date"
            ref={dateInput}
            value={draft.date}
            onChange={(ev) => {
              setDateWarning('');
              set('date')(ev);
            }}
            required
          />
        </FormField>
        <FormField label={ENTRY_LABEL.title} error={errors.title}>
          <input value={draft.title} onChange={set('title')} placeholder="例如：安全生产宣传进企业" />
        </FormField>
        <FormField label={ENTRY_LABEL.kind} error={errors.kind}>
          <input value={draft.kind} onChange={set('kind')} list="entry-kinds" placeholder="选择或填写" />
          <datalist id="entry-kinds">
            {KINDS.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </FormField>
        <FormField label={ENTRY_LABEL.location} error={errors.location}>
          <input value={draft.location} onChange={set('location')} />
        </FormField>
        <FormField label={ENTRY_LABEL.organizer} error={errors.organizer}>
          <input value={draft.organizer} onChange={set('organizer')} />
        </FormField>
        <FormField label={ENTRY_LABEL.partners} error={errors.partners}>
          <input value={draft.partners} onChange={set('partners')} />
        </FormField>
        <FormField label={ENTRY_LABEL.description} error={errors.description} wide>
          <textarea rows={3} value={draft.description} onChange={set('description')} />
        </FormField>
        <label className="check-field field-wide">
          <input type="checkbox" checked={highlight} onChange={(ev) => setHighlight(ev.target.checked)} />
          <span>
            重点活动<span className="muted">（有特色的活动，生成总结初稿时写入“特色亮点”）</span>
          </span>
        </label>
      </div>
      <fieldset className="contributions">
        <legend>本次活动{TERM.contributions}</legend>
        <ContributionsPicker
          template={template}
          value={counts}
          onChange={setCounts}
          texts={texts}
          onTextsChange={setTexts}
          currentText={(key) => {
            const v = session.log.manualValues()[key]?.value;
            return typeof v === 'string' ? v : '';
          }}
          activity={draft}
          errors={errors}
        />
      </fieldset>
      <EntryAttachments
        value={attachments}
        onChange={setAttachments}
        reading={reading}
        onReading={(d) => setReading((n) => n + d)}
      />
      {errors._ ? (
        <p className="error-banner">
          <ErrorText message={errors._} />
        </p>
      ) : null}
      {dateWarning ? (
        <div className="stale-box date-warning" role="alert">
          <p>{dateWarning}</p>
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setDateWarning('');
                dateInput.current?.focus();
              }}
            >
              修改日期
            </button>
            <button
              type="button"
              onClick={() => {
                setDateConfirmed(draft.date);
                void save(undefined, draft.date);
              }}
            >
              日期无误，仍然保存
            </button>
          </div>
        </div>
      ) : null}
      {stale ? (
        <StalePrompt
          stale={stale}
          mine={(field) =>
            field.startsWith('c:')
              ? counts[field.slice(2)]
              : field === 'attachments'
                ? attachments
                : draft[field as keyof Draft]
          }
          onKeepMine={() => void save('mine')}
          onTakeTheirs={() => void save('theirs')}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving || reading > 0}>
          {e ? '保存修改' : '添加活动'}
        </button>
        <button type="button" onClick={() => (closeModal ? closeModal() : props.onDone())}>
          取消
        </button>
      </div>
    </form>
  );
}
