import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { LogFileError } from '../errors.ts';

/**
 * The one binary layout of a log on disk and of an update file: named documents, each a list of Yjs
 * v2 updates, plus the statistics snapshot. lib0 encoding, the same primitives Yjs itself uses.
 */
export interface LogContainer {
  kind: 'log' | 'update';
  docs: Map<string, { version: number; updates: Uint8Array[] }>;
  snapshot: string;
}

const MAGIC = 'TIANBAO';
const FORMAT = 1;

export function encodeContainer(c: LogContainer): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, MAGIC);
  encoding.writeVarUint(e, FORMAT);
  encoding.writeVarString(e, c.kind);
  encoding.writeVarUint(e, c.docs.size);
  for (const [name, d] of c.docs) {
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, d.version);
    encoding.writeVarUint(e, d.updates.length);
    for (const u of d.updates) encoding.writeVarUint8Array(e, u);
  }
  encoding.writeVarString(e, c.snapshot);
  return encoding.toUint8Array(e);
}

export function decodeContainer(bytes: Uint8Array): LogContainer {
  const bad = () =>
    new LogFileError(
      'corrupt',
      'not a Tianbao log or update file, or the file is damaged',
      '文件不是填报助手的台账文件，或已损坏',
    );
  try {
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarString(d) !== MAGIC) throw bad();
    const format = decoding.readVarUint(d);
    if (format > FORMAT)
      throw new LogFileError(
        'unsupported-version',
        'written by a newer Tianbao',
        '此文件由新版本填报助手创建，请先升级',
      );
    const kind = decoding.readVarString(d);
    if (kind !== 'log' && kind !== 'update') throw bad();
    const docs: LogContainer['docs'] = new Map();
    const n = decoding.readVarUint(d);
    for (let i = 0; i < n; i++) {
      const name = decoding.readVarString(d);
      const version = decoding.readVarUint(d);
      const count = decoding.readVarUint(d);
      const updates: Uint8Array[] = [];
      for (let j = 0; j < count; j++) updates.push(decoding.readVarUint8Array(d));
      docs.set(name, { version, updates });
    }
    const snapshot = decoding.readVarString(d);
    if (decoding.hasContent(d)) throw bad();
    return { kind, docs, snapshot };
  } catch (err) {
    if (err instanceof LogFileError) throw err;
    throw bad();
  }
}
