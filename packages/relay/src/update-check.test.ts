import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkFrame, checkUpdate } from './update-check.ts';

const frame = (type: number, step: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, 'U/log');
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};

const realUpdate = () => {
  const doc = new Y.Doc();
  doc.getMap('entries').set('a', '宣传进企业');
  return Y.encodeStateAsUpdate(doc);
};

describe('update check', () => {
  it('accepts real updates in sync step 2, update and sync-reply frames', () => {
    expect(checkUpdate(realUpdate())).toBe(true);
    expect(checkFrame(frame(0, 2, realUpdate())).ok).toBe(true);
    expect(checkFrame(frame(0, 1, realUpdate())).ok).toBe(true);
    expect(checkFrame(frame(4, 2, realUpdate())).ok).toBe(true);
  });

  it('passes non-update messages through (sync step 1, awareness)', () => {
    expect(checkFrame(frame(0, 0, Y.encodeStateVector(new Y.Doc())))).toEqual({ ok: true });
    expect(checkFrame(frame(1, 0, new Uint8Array([1, 2, 3])))).toEqual({ ok: true });
  });

  it('rejects garbage, truncated updates and broken framing', () => {
    const garbage = Uint8Array.from([5, 200, 1, 7, 99, 0xff, 0xff, 0xff, 0x7f, 3, 3, 3]);
    expect(checkFrame(frame(0, 2, garbage))).toEqual({ ok: false, reason: 'malformed-update' });
    const real = realUpdate();
    expect(checkUpdate(real.slice(0, real.length - 3))).toBe(false);
    const broken = frame(0, 2, real).slice(0, 12);
    expect(checkFrame(broken)).toEqual({ ok: false, reason: 'malformed-message' });
  });
});
