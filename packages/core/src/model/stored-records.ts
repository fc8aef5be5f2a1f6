import type * as Y from 'yjs';
import { LogInputError } from '../errors.ts';
import { CONTRIBUTION_PREFIX } from './doc-layout.ts';
import { RECORD_ID } from './ids.ts';
import { parseTime } from './times.ts';
import {
  ENTRY_TEXT_FIELDS,
  entryErrors,
  PLAN_FIELDS,
  PROFILE_FIELDS,
  type SlotKindOf,
  validateManualValue,
  validatePerson,
  validatePlanFields,
  validateProfile,
} from './validate.ts';

const under = (path: string, e: LogInputError) =>
  new LogInputError(`${path}.${e.field}`, e.message.slice(e.field.length + 2), e.messageZh);

/**
 * What is wrong with an entry as stored in a document (the result of someone's updates, not a form):
 * the same rules as import-json and the forms, so a file or a peer cannot write what they refuse.
 * Keys a newer version may add are left alone.
 */
export function storedEntryProblems(id: string, m: Y.Map<unknown>, kindOf?: SlotKindOf): LogInputError[] {
  const path = `entries.${id}`;
  const out: LogInputError[] = [];
  if (!RECORD_ID.test(id)) out.push(new LogInputError(path, 'is not an entry id', '活动编号格式不正确'));
  const fields: Record<string, unknown> = Object.create(null);
  for (const f of [...ENTRY_TEXT_FIELDS, 'attachments', 'highlight', 'importKey'])
    if (m.has(f)) fields[f] = m.get(f);
  const contributions: Record<string, unknown> = Object.create(null);
  for (const [k, v] of m.entries())
    if (k.startsWith(CONTRIBUTION_PREFIX)) contributions[k.slice(CONTRIBUTION_PREFIX.length)] = v;
  if (Object.keys(contributions).length) fields.contributions = contributions;
  out.push(...entryErrors(fields, { partial: true, kindOf }).map((e) => under(path, e)));
  for (const s of ['created', 'updated', 'deleted']) {
    const v = m.get(s);
    if (v === undefined || (s === 'deleted' && v === null)) continue;
    try {
      if (!Array.isArray(v) || v.length !== 2)
        throw new LogInputError(s, 'must be [person, time]', '记录的修改人和时间不正确');
      validatePerson(`${s}[0]`, v[0]);
      parseTime(`${s}[1]`, v[1]);
    } catch (err) {
      if (err instanceof LogInputError) out.push(under(path, err));
      else throw err;
    }
  }
  return out;
}

/** The problems `checks` throw, each check on its own so one bad field does not hide the next. */
function collect(checks: (() => unknown)[]): LogInputError[] {
  const out: LogInputError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (err) {
      if (err instanceof LogInputError) out.push(err);
      else throw err;
    }
  }
  return out;
}

/** What is wrong with a manual value as stored: a peer may have written any shape under `values`. */
export function storedManualProblems(key: string, v: unknown, kindOf?: SlotKindOf): LogInputError[] {
  const path = `values.${key}`;
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return [new LogInputError(path, 'is not a manual value record', '手工填写的数据格式不正确')];
  const r = v as Record<string, unknown>;
  return collect([
    () => validateManualValue(key, { value: r.value, reason: r.reason }, kindOf),
    () => validatePerson(`${path}.by`, r.by),
    () => parseTime(`${path}.at`, r.at),
  ]);
}

/** What is wrong with a plan (重点活动计划) as stored. */
export function storedPlanProblems(id: string, m: Y.Map<unknown>): LogInputError[] {
  const path = `plans.${id}`;
  const fields: Record<string, unknown> = Object.create(null);
  for (const f of PLAN_FIELDS) if (m.has(f)) fields[f] = m.get(f);
  return collect([
    () => {
      if (!RECORD_ID.test(id)) throw new LogInputError(path, 'is not a plan id', '计划编号格式不正确');
    },
    ...Object.keys(fields).map((f) => () => validatePlanFields({ [f]: fields[f] }, { partial: true, path })),
  ]);
}

/** What is wrong with the liaison profile as stored, field by field. */
export function storedProfileProblems(m: Y.Map<unknown>): LogInputError[] {
  return collect(PROFILE_FIELDS.filter((f) => m.has(f)).map((f) => () => validateProfile({ [f]: m.get(f) })));
}
