import * as Y from 'yjs';
import { LogFileError } from '../errors.ts';
import { decodeContainer, encodeContainer } from '../storage/log-container.ts';
import type { LogMeta } from '../types.ts';
import { newDoc, ROOT } from './doc-layout.ts';
import type { UnitLog } from './unit-log.ts';

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
