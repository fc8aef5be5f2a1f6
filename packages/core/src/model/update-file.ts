import * as Y from 'yjs';
import { LogFileError, LogInputError } from '../errors.ts';
import { decodeContainer, encodeContainer } from '../storage/log-container.ts';
import type { LogMeta } from '../types.ts';
import { changedKeys } from './changed-keys.ts';
import { newDoc, ROOT } from './doc-layout.ts';
import { storedEntryProblems } from './stored-records.ts';
import { parseTime } from './times.ts';
import type { UnitLog } from './unit-log.ts';
import { MAX_NAME, validateManualValue, validatePerson } from './validate.ts';

/** The whole log as one file, for units without a server; needs every shard loaded. */
export function exportUpdateFile(log: UnitLog): Uint8Array {
  const docs = new Map<string, { version: number; updates: Uint8Array[] }>();
  for (const name of log.docNames()) {
    const doc = log.doc(name);
    if (!doc) throw new LogFileError('not-loaded', `${name} is not loaded`, '台账还在加载，请稍候再试');
    docs.set(name, { version: 0, updates: [Y.encodeStateAsUpdateV2(doc)] });
  }
  return encodeContainer({ kind: 'update', docs, snapshot: '' });
}

/** The log an update file belongs to, read without any log open (joining a unit from a file). */
export function readUpdateFileMeta(bytes: Uint8Array): LogMeta {
  const c = decodeContainer(bytes);
  const probe = newDoc();
  try {
    for (const u of c.docs.get(ROOT)?.updates ?? []) Y.applyUpdateV2(probe, u);
  } catch {
    throw new LogFileError('corrupt', 'the file is damaged', '文件已损坏');
  }
  const m = probe.getMap('meta');
  if (typeof m.get('logId') !== 'string')
    throw new LogFileError('not-a-log', 'this file holds no Tianbao log', '这不是填报助手的台账文件');
  return {
    logId: m.get('logId') as string,
    unitId: m.get('unitId') as string,
    unitName: m.get('unitName') as string,
    campaign: m.get('campaign') as string,
    templateIds: (m.get('templateIds') as string[]) ?? [],
    schemaVersion: m.get('schemaVersion') as number,
  };
}

export interface ImportResult {
  /** Documents that gained anything. */
  changedDocs: string[];
}

/**
 * Merges an update file (or a .tianbao log file) into the log. Everything is checked before anything is
 * applied: another unit's file or a damaged one is refused and the log is untouched. Importing the same
 * file again changes nothing (CRDT merge is idempotent).
 */
export function importUpdateFile(log: UnitLog, bytes: Uint8Array, source = 'file'): ImportResult {
  const c = decodeContainer(bytes);
  const rootUpdates = c.docs.get(ROOT)?.updates ?? [];
  const probe = newDoc();
  try {
    for (const [, d] of c.docs) for (const u of d.updates) Y.decodeUpdateV2(u);
    for (const u of rootUpdates) Y.applyUpdateV2(probe, u);
  } catch {
    throw new LogFileError(
      'corrupt',
      'the file is damaged; nothing was imported',
      '文件已损坏，未导入任何内容',
    );
  }
  const theirs = probe.getMap('meta');
  const mine = log.meta();
  if (theirs.get('logId') !== mine.logId) {
    const other = theirs.get('unitName');
    throw new LogFileError(
      'other-unit',
      `this file belongs to ${other ? `"${other}"` : 'another log'}, not to "${mine.unitName} ${mine.campaign}"; nothing was imported`,
      `此文件属于${other ? `“${other}”` : '其他台账'}，不是本单位本次活动的台账，未导入`,
    );
  }
  for (const [name] of c.docs) {
    if (name !== ROOT && !log.doc(name))
      throw new LogFileError('not-loaded', `${name} is not loaded`, '台账还在加载，请稍候再试');
    if (name !== ROOT && !/^e\d+$/.test(name))
      throw new LogFileError('corrupt', `unknown document ${name}`, '文件已损坏');
  }
  // Every record the file would change is checked as it would be after the merge, on a scratch copy:
  // a file cannot write what import-json and the forms refuse. Refused, it changes nothing.
  const problems = [...c.docs].flatMap(([name, d]) => updateProblems(log, name, d.updates));
  if (problems.length) {
    const shown = problems.slice(0, 5);
    throw new LogFileError(
      'invalid-data',
      `the file holds data Tianbao refuses; nothing was imported: ${shown.map((p) => p.message).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
      `文件中有不符合要求的数据（${shown.map((p) => p.messageZh).join('；')}），未导入任何内容`,
    );
  }
  const changedDocs: string[] = [];
  for (const [name, d] of c.docs) {
    const doc = log.doc(name) as Y.Doc;
    const before = Y.encodeStateVector(doc);
    doc.transact(
      () => {
        for (const u of d.updates) Y.applyUpdateV2(doc, u, { kind: 'import', source });
      },
      { kind: 'import', source },
    );
    if (!equalBytes(before, Y.encodeStateVector(doc))) changedDocs.push(name);
  }
  return { changedDocs };
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Problems of the records `updates` would change in document `name`, checked on a scratch copy of it. */
function updateProblems(log: UnitLog, name: string, updates: Uint8Array[]): LogInputError[] {
  const doc = log.doc(name) as Y.Doc;
  const scratch = newDoc();
  Y.applyUpdateV2(scratch, Y.encodeStateAsUpdateV2(doc));
  // Typed before the updates land, so the maps they change are these objects.
  const entries = scratch.getMap('entries');
  const values = scratch.getMap('values');
  const changed = { entries: new Set<string>(), values: new Set<string>() };
  scratch.on('afterTransaction', (tr: Y.Transaction) => {
    for (const k of changedKeys(tr, entries)) changed.entries.add(k);
    for (const k of changedKeys(tr, values)) changed.values.add(k);
  });
  scratch.transact(() => {
    for (const u of updates) Y.applyUpdateV2(scratch, u);
  });
  const out: LogInputError[] = [];
  if (name === ROOT) {
    for (const key of changed.values) {
      const v = values.get(key) as
        | { value?: unknown; reason?: unknown; by?: unknown; at?: unknown }
        | undefined;
      if (v === undefined) continue;
      try {
        validateManualValue(key, { value: v?.value, reason: v?.reason }, log.kindOf);
        validatePerson(`values.${key}.by`, v?.by);
        parseTime(`values.${key}.at`, v?.at);
      } catch (err) {
        if (err instanceof LogInputError) out.push(err);
        else throw err;
      }
    }
    const meta = scratch.getMap('meta');
    const unitName = meta.get('unitName');
    if (typeof unitName !== 'string' || unitName.length > MAX_NAME)
      out.push(
        new LogInputError(
          'meta.unitName',
          `must be text of at most ${MAX_NAME} characters`,
          '单位名称不正确',
        ),
      );
    return out;
  }

  for (const id of changed.entries) {
    const m = entries.get(id);
    if (m instanceof Y.Map) out.push(...storedEntryProblems(id, m, log.kindOf));
  }
  return out;
}
