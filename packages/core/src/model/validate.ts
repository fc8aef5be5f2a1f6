import { ENTRY_LABEL, LIAISON_FIELDS, PLAN_LABEL, PROFILE_LABEL, TERM } from '@tianbao/templates';
import { LogInputError } from '../errors.ts';
import type { AttachmentRef, EntryFields, ManualValue, PlanFields, Profile, SlotValue } from '../types.ts';
import { idNumberProblem } from './id-number.ts';
import { IMPORT_KEY } from './import-id.ts';
import { readNumberInput } from './number-input.ts';
import { NUMBER_PROBLEM, numberProblem } from './number-rules.ts';

/** Text fields of an entry, in the order forms show them. */
export const ENTRY_TEXT_FIELDS = [
  'date',
  'title',
  'kind',
  'location',
  'organizer',
  'partners',
  'description',
] as const;
export const ENTRY_FIELDS = [...ENTRY_TEXT_FIELDS, 'contributions', 'attachments', 'highlight'] as const;
export const PLAN_FIELDS = ['time', 'place', 'content', 'host', 'assist', 'division', 'outcome'] as const;
/** The liaison profile's fields are the liaison template's (one list for the form, the log and autofill). */
export const PROFILE_FIELDS = LIAISON_FIELDS.map((f) => f.id) as readonly (keyof Profile)[];

/**
 * Chinese names of entry, plan and profile fields, for messages and the UI (from the one glossary). An
 * entry's `title` is its 活动名称; the liaison's `title` (职务) is named by its path (profile.title).
 */
export const FIELD_ZH: Record<string, string> = { ...PROFILE_LABEL, ...PLAN_LABEL, ...ENTRY_LABEL };
/** Chinese name of a field path; slot keys inside contributions or values are not names a person knows. */
const zh = (field: string) => {
  if (/(^|\.)contributions\./.test(field)) return TERM.contributions;
  if (/^values\./.test(field)) return field.endsWith('.reason') ? '原因' : '填写的值';
  const last = field.split('.').pop() ?? field;
  if (/^profile\./.test(field)) return PROFILE_LABEL[last as keyof typeof PROFILE_LABEL] ?? last;
  return FIELD_ZH[last] ?? field;
};

const SLOT_KEY = /^[^/\s]+\/[^/\s]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function text(path: string, v: unknown, max: number, required = false): string {
  if (typeof v !== 'string') throw new LogInputError(path, 'must be text', `${zh(path)}必须是文字`);
  const s = v.trim();
  if (required && !s) throw new LogInputError(path, 'is required', `请填写${zh(path)}`);
  if (s.length > max)
    throw new LogInputError(path, `is longer than ${max} characters`, `${zh(path)}不能超过${max}个字`);
  return s;
}

/** Longest unit name or campaign name a log takes. */
export const MAX_NAME = 200;

/** Who made a change (createdBy, a manual value's by): a person's name, never a document. */
export function validatePerson(path: string, v: unknown): string {
  return text(path, v, 100, true);
}

function unknownFields(path: string, obj: object, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k))
      throw new LogInputError(path ? `${path}.${k}` : k, 'is not a known field', `未知字段“${k}”`);
  }
}

function record(path: string, v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new LogInputError(path || 'input', 'must be an object', '数据格式不正确');
  return v as Record<string, unknown>;
}

/** A count (whole, 0 ≤ n < 10^12) or, for a percent blank, a percentage (0–100); see number-rules.ts. */
/**
 * For a number given as text (import-json's "1,200" or "800余"): what to write instead, by the reader the
 * forms use. The text stays refused — a JSON file says numbers as numbers — but the message says how.
 */
function textNumberHint(v: unknown, kind?: string): string {
  if (typeof v !== 'string') return '';
  const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  const r = readNumberInput(v, { kind });
  if (r?.ok) return ` (a JSON number, not the text "${shown}": write ${r.value})`;
  return ` (a JSON number, not the text "${shown}"${r ? `, which ${r.en.replace(/^"[^"]*" /, '')}` : ''})`;
}

export function validateCount(path: string, v: unknown, kind?: string): number {
  const problem = numberProblem(v, kind);
  if (problem) {
    const { en, zh: why } = NUMBER_PROBLEM[problem];
    throw new LogInputError(
      path,
      en + textNumberHint(v, kind),
      problem === 'over-100' ? why : `${zh(path)}${why}`,
    );
  }
  return v as number;
}

export function validateSlotKey(path: string, key: string): string {
  if (!SLOT_KEY.test(key))
    throw new LogInputError(
      path,
      `"${key}" is not a slot key (<templateId>/<slotId>)`,
      `统计项“${key}”不存在`,
    );
  return key;
}

function contributions(path: string, v: unknown, kindOf?: SlotKindOf): Record<string, number> {
  const obj = record(path, v);
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(obj)) {
    validateSlotKey(`${path}.${k}`, k);
    const count = validateCount(`${path}.${k}`, n, kindSafe(kindOf, k));
    if (count > 0) out[k] = count;
  }
  return out;
}

function attachments(path: string, v: unknown): AttachmentRef[] {
  if (!Array.isArray(v)) throw new LogInputError(path, 'must be a list', '附件格式不正确');
  return v.map((a, i) => {
    const p = `${path}[${i}]`;
    const r = record(p, a);
    unknownFields(p, r, ['hash', 'name', 'type', 'size']);
    const hash = text(`${p}.hash`, r.hash, 64, true);
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw new LogInputError(`${p}.hash`, 'must be a sha-256 hex digest', '附件校验码不正确');
    return {
      hash,
      name: text(`${p}.name`, r.name, 255, true),
      type: text(`${p}.type`, r.type ?? '', 100),
      size: validateCount(`${p}.size`, r.size),
    };
  });
}

/** Validates a whole or partial entry; returns only the fields given, cleaned. Throws on the first bad field. */
export function validateEntryFields(
  input: unknown,
  opts: { partial: boolean; path?: string; kindOf?: SlotKindOf },
): Partial<EntryFields> {
  const path = opts.path ?? '';
  const at = (f: string) => (path ? `${path}.${f}` : f);
  const r = record(path, input);
  unknownFields(path, r, [...ENTRY_FIELDS, 'importKey']);
  const out: Partial<EntryFields> = {};
  if (!opts.partial || 'date' in r) {
    const date = text(at('date'), r.date, 10, true);
    if (!isValidDate(date))
      throw new LogInputError(at('date'), `"${date}" is not a date (YYYY-MM-DD)`, '日期格式应为 2020-06-01');
    out.date = date;
  }
  if (!opts.partial || 'title' in r) out.title = text(at('title'), r.title, 200, true);
  for (const f of ['kind', 'location', 'organizer', 'partners'] as const) {
    if (f in r || !opts.partial) out[f] = text(at(f), r[f] ?? '', 200);
  }
  if ('description' in r || !opts.partial)
    out.description = text(at('description'), r.description ?? '', 5000);
  if ('contributions' in r || !opts.partial)
    out.contributions = contributions(at('contributions'), r.contributions ?? {}, opts.kindOf);
  if ('attachments' in r || !opts.partial)
    out.attachments = attachments(at('attachments'), r.attachments ?? []);
  if ('highlight' in r && r.highlight !== undefined) {
    if (typeof r.highlight !== 'boolean')
      throw new LogInputError(at('highlight'), 'must be true or false', '重点活动请选择“是”或“否”');
    out.highlight = r.highlight;
  }
  if (r.importKey !== undefined) {
    if (typeof r.importKey !== 'string' || !IMPORT_KEY.test(r.importKey))
      throw new LogInputError(
        at('importKey'),
        'must be a short key (letters, digits, : . _ -)',
        '导入编号不正确',
      );
    out.importKey = r.importKey;
  }
  return out;
}

/**
 * Every problem of an entry at once, one per field (and one per refused contribution), for a form that
 * shows them all next to their fields; empty when validateEntryFields would accept the input.
 */
export function entryErrors(
  input: unknown,
  opts: { partial: boolean; kindOf?: SlotKindOf } = { partial: false },
): LogInputError[] {
  const out: LogInputError[] = [];
  const tryField = (fields: Record<string, unknown>) => {
    try {
      validateEntryFields(fields, { partial: true, kindOf: opts.kindOf });
    } catch (err) {
      if (err instanceof LogInputError) out.push(err);
      else throw err;
    }
  };
  let r: Record<string, unknown>;
  try {
    r = record('', input);
  } catch (err) {
    return [err as LogInputError];
  }
  const fields = opts.partial
    ? Object.keys(r)
    : [...new Set([...ENTRY_FIELDS, 'importKey', ...Object.keys(r)])];
  for (const f of fields) {
    if (!(f in r) && f !== 'date' && f !== 'title') continue;
    if (f === 'contributions' && r[f] && typeof r[f] === 'object' && !Array.isArray(r[f])) {
      for (const [k, v] of Object.entries(r[f] as Record<string, unknown>))
        tryField({ contributions: { [k]: v } });
    } else tryField({ [f]: r[f] ?? '' });
  }
  return out;
}

export function validatePlanFields(
  input: unknown,
  opts: { partial: boolean; path?: string },
): Partial<PlanFields> {
  const path = opts.path ?? '';
  const r = record(path, input);
  unknownFields(path, r, PLAN_FIELDS);
  const out: Partial<PlanFields> = {};
  for (const f of PLAN_FIELDS) {
    if (f in r || !opts.partial)
      out[f] = text(path ? `${path}.${f}` : f, r[f] ?? '', f === 'content' ? 2000 : 500, f === 'content');
  }
  return out;
}

const PHONE = /^[0-9+\-()（）\s转]{7,24}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Liaison profile: format checks on phone, mobile, fax, QQ and e-mail; empty is allowed (not yet known). */
export function validateProfile(input: unknown, path = 'profile'): Partial<Profile> {
  const r = record(path, input);
  unknownFields(path, r, PROFILE_FIELDS);
  const out: Partial<Profile> = {};
  for (const f of PROFILE_FIELDS) {
    if (!(f in r)) continue;
    const p = `${path}.${f}`;
    const v = text(p, r[f] ?? '', f === 'address' ? 200 : 100);
    if (v) {
      if ((f === 'officePhone' || f === 'fax') && !(PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7))
        throw new LogInputError(p, `"${v}" is not a phone number`, `${zh(f)}格式不正确，例如 0457-2712884`);
      if (f === 'mobile' && !MOBILE.test(v.replace(/[\s-]/g, '')))
        throw new LogInputError(p, `"${v}" is not a mobile number`, '手机号应为11位数字，例如 13900001234');
      if (f === 'email' && !EMAIL.test(v))
        throw new LogInputError(p, `"${v}" is not an e-mail address`, '电子邮箱格式不正确');
      if (f === 'qq' && !/^\d{5,12}$/.test(v))
        throw new LogInputError(p, `"${v}" is not a QQ number`, 'QQ号应为5到12位数字');
      if (f === 'idNumber') {
        // The value itself never goes into an error message: messages end up in logs.
        const problem = idNumberProblem(v.toUpperCase());
        if (problem)
          throw new LogInputError(
            p,
            problem === 'checksum' ? 'fails its check digit' : 'must be 17 digits and a digit or X',
            problem === 'checksum'
              ? '身份证号校验位不对，请核对（可能有数字输错）'
              : '身份证号应为18位：17位数字加最后一位数字或X',
          );
      }
      if (f === 'gender' && !['男', '女'].includes(v))
        throw new LogInputError(p, 'must be 男 or 女', '性别请填“男”或“女”');
    }
    out[f] = f === 'mobile' ? v.replace(/[\s-]/g, '') : f === 'idNumber' ? v.toUpperCase() : v;
  }
  return out;
}

export type SlotKindOf = (
  key: string,
) => 'number' | 'percent' | 'text' | 'boolean' | 'date' | 'phone' | undefined;

/** The kind of a blank, or undefined when the templates do not know it (kindOf may throw for those). */
export function kindSafe(kindOf: SlotKindOf | undefined, key: string): ReturnType<SlotKindOf> {
  try {
    return kindOf?.(key);
  } catch {
    return undefined;
  }
}

export function validateManualValue(
  key: string,
  input: { value: unknown; reason?: unknown },
  kindOf?: SlotKindOf,
): Pick<ManualValue, 'value' | 'reason'> {
  validateSlotKey('slot', key);
  const v = input.value;
  const kind = kindOf?.(key);
  let value: SlotValue;
  if (kind === 'number' || kind === 'percent' || (kind === undefined && typeof v === 'number')) {
    value = validateCount(`values.${key}`, v, kind);
  } else if (kind === 'boolean' || (kind === undefined && typeof v === 'boolean')) {
    if (typeof v !== 'boolean')
      throw new LogInputError(`values.${key}`, 'must be true or false', '请选择“是”或“否”');
    value = v;
  } else {
    value = text(`values.${key}`, v, 500, true);
    if (kind === 'date' && !isValidDate(value))
      throw new LogInputError(`values.${key}`, 'is not a date (YYYY-MM-DD)', '日期格式应为 2020-06-01');
  }
  const reason = text(`values.${key}.reason`, input.reason ?? '', 500);
  return { value, reason };
}
