import { type NoticeRecord, noticeDeadlines, shiftDate, shiftDeadline } from '@tianbao/core';
import {
  builtinTemplates,
  type Deadline,
  type MediaHint,
  type NoticeField,
  type NoticeFileResult,
  type NoticeFormat,
  type Template,
} from '@tianbao/templates';

/** One item the notice gave, which the person keeps (`use`) or drops on the review screen. */
export interface DraftItem<T> {
  value: T;
  use: boolean;
}

/**
 * What the review screen shows and the person corrects before the log is created: everything read from the
 * notice file, each item editable or droppable.
 */
export interface NoticeDraft {
  fileName: string;
  format: NoticeFormat;
  /** The notice's own year. */
  year: number;
  /**
   * The year the draft's dates are in: the notice's, or the campaign's when a past year's notice is used
   * this year (its dates moved there, as for a built-in table).
   */
  datesYear: number;
  title: string;
  issuer: string;
  documentNumber: string;
  campaignStart: string;
  campaignEnd: string;
  /** The notice's sentence the dates came from; empty when they were assumed (June). */
  campaignSource: string;
  /** Every 进展情况统计表 of the notice, in document order. */
  tables: DraftItem<Template>[];
  liaison: { title: string; fields: DraftItem<NoticeField>[] } | undefined;
  plan: { title: string; fields: DraftItem<NoticeField>[] } | undefined;
  deadlines: DraftItem<Deadline>[];
  media: DraftItem<MediaHint>[];
  /** What to check, in Chinese. */
  warnings: string[];
}

const keep = <T>(value: T): DraftItem<T> => ({ value, use: true });

export function draftFromNotice(result: NoticeFileResult, fileName: string): NoticeDraft {
  return {
    fileName,
    format: result.format,
    year: result.year,
    datesYear: result.year,
    title: result.title,
    issuer: result.issuer ?? '',
    documentNumber: result.documentNumber ?? '',
    campaignStart: result.campaign?.start ?? `${result.year}-06-01`,
    campaignEnd: result.campaign?.end ?? `${result.year}-06-30`,
    campaignSource: result.campaign?.source ?? '',
    tables: result.templates.map(keep),
    liaison: result.liaison && { title: result.liaison.title, fields: result.liaison.fields.map(keep) },
    plan: result.plan && { title: result.plan.title, fields: result.plan.fields.map(keep) },
    deadlines: result.deadlines.map(keep),
    media: result.media.map(keep),
    warnings: result.warnings.map((w) => w.messageZh),
  };
}

/**
 * The draft with every date (campaign, one-off deadlines) moved to `year`, keeping month and day and the
 * person's corrections; weekly and monthly rules have no year.
 */
export function moveDraftToYear(draft: NoticeDraft, year: number): NoticeDraft {
  const shift = year - draft.datesYear;
  if (shift === 0) return draft;
  return {
    ...draft,
    datesYear: year,
    campaignStart: shiftDate(draft.campaignStart, shift),
    campaignEnd: shiftDate(draft.campaignEnd, shift),
    deadlines: draft.deadlines.map((d) => ({ ...d, value: shiftDeadline(d.value, shift) })),
  };
}

/** JSON with sorted keys, so two templates built by different paths compare by content. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const tableContent = (t: Template) =>
  canonical([t.title, t.kind, t.columns, t.headerFields, t.rows, t.slots, t.source.year]);

/**
 * The built-in template with exactly this table (same rows, blanks and year), so a log made from a seed
 * notice uses the built-in id every colleague's extension already has.
 */
export function matchingBuiltin(t: Template): Template | undefined {
  const own = tableContent(t);
  return builtinTemplates().find((b) => b.kind === 'statistics' && tableContent(b) === own);
}

/** The log to create: its templates (first one is the log's statistics table) and which must be saved. */
export interface LogPlan {
  templateIds: string[];
  /** Templates this browser must keep (not built-ins). */
  toSave: Template[];
  /** The template the log opens with; the schedule edits are relative to it. */
  base: Template | undefined;
  campaign: string;
}

export function planLog(draft: NoticeDraft): LogPlan {
  const chosen = draft.tables.filter((t) => t.use).map((t) => t.value);
  const resolved = chosen.map((t) => matchingBuiltin(t) ?? t);
  return {
    templateIds: resolved.map((t) => t.id),
    toSave: resolved.filter((t, i) => t === chosen[i]),
    base: resolved[0],
    campaign: `${draft.datesYear}年“安全生产月”`,
  };
}

/** The log methods the review's result is written through (UnitLog's, shared with colleagues). */
export interface ScheduleWriter {
  setDeadline(d: unknown): void;
  removeDeadline(id: string): void;
  resetDeadline(id: string): void;
  editSchedule(patch: { campaignStart?: string | null; campaignEnd?: string | null }): void;
  setMediaRequirements(hints: unknown[] | null): void;
  setNotice(record: unknown): void;
}

/**
 * Writes what the person confirmed into the log, as differences from `base` (the log's template): a
 * corrected or added deadline, one the unit does not send, other campaign dates or media requirements.
 * What equals the notice's template stays the notice's, so 截止日期 can show what was changed.
 */
export function applyDraft(log: ScheduleWriter, draft: NoticeDraft, base: Template | undefined): void {
  const kept = draft.deadlines.filter((d) => d.use).map((d) => d.value);
  // The log moves its table's dates to the campaign's year, so the draft compares with them moved too.
  const year = draft.datesYear;
  const notice = noticeDeadlines(base, year);
  for (const d of notice) {
    const mine = kept.find((k) => k.id === d.id);
    if (!mine) log.removeDeadline(d.id);
    else if (canonical(mine) === canonical(d)) log.resetDeadline(d.id);
  }
  for (const d of kept) {
    const theirs = notice.find((b) => b.id === d.id);
    if (!theirs || canonical(theirs) !== canonical(d)) log.setDeadline(d);
  }
  const shift = base?.source.year !== undefined ? year - base.source.year : 0;
  const start = base?.campaign ? shiftDate(base.campaign.start, shift) : `${year}-06-01`;
  const end = base?.campaign ? shiftDate(base.campaign.end, shift) : `${year}-06-30`;
  log.editSchedule({
    campaignStart: draft.campaignStart === start ? null : draft.campaignStart,
    campaignEnd: draft.campaignEnd === end ? null : draft.campaignEnd,
  });
  const media = draft.media.filter((m) => m.use).map((m) => m.value);
  log.setMediaRequirements(canonical(media) === canonical(base?.media ?? []) ? null : media);
  log.setNotice(noticeRecord(draft));
}

export function noticeRecord(draft: NoticeDraft): NoticeRecord {
  const fields = (f: NoticeDraft['liaison']) =>
    (f?.fields ?? []).filter((x) => x.use).map((x) => ({ id: x.value.id, label: x.value.label }));
  return {
    title: draft.title.trim(),
    ...(draft.issuer.trim() && { issuer: draft.issuer.trim() }),
    ...(draft.documentNumber.trim() && { documentNumber: draft.documentNumber.trim() }),
    fileName: draft.fileName,
    liaisonFields: fields(draft.liaison),
    planFields: fields(draft.plan),
  };
}

/** A copy of `list` with item `i` replaced: the review screen's edits keep the draft immutable. */
export function replaceAt<T>(list: readonly T[], i: number, next: T): T[] {
  const out = [...list];
  out[i] = next;
  return out;
}
