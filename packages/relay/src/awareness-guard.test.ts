import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { AwarenessGuard, MAX_AWARENESS_BYTES } from './awareness-guard.ts';

const update = (entries: [client: number, clock: number, state: unknown][]) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
};

/** The clocks as y-protocols will read them after the check. */
const clocks = (u: Uint8Array) => {
  const d = decoding.createDecoder(u);
  const out: number[] = [];
  for (let n = decoding.readVarUint(d); n > 0; n--) {
    decoding.readVarUint(d);
    out.push(decoding.readVarUint(d));
    decoding.readVarString(d);
  }
  return out;
};

/** What the relay's document awareness holds: client 1 (张三) at clock 3. */
const relayAwareness = () => ({
  meta: new Map([[1, { clock: 3 }]]),
  states: new Map<number, unknown>([[1, { user: '张三' }]]),
});

describe('AwarenessGuard', () => {
  const zhang = { tokenId: 'tok-zhang', socketId: 's1' };
  const viewer = { tokenId: 'tok-viewer', socketId: 's2' };

  it('keeps a connection’s own presence and makes changes to anyone else’s a no-op', () => {
    const g = new AwarenessGuard();
    const a = relayAwareness();
    expect(g.check('d', a, update([[1, 4, { user: '张三' }]]), zhang)).toEqual({ ignored: 0 });
    const forged = update([
      [1, 300, { user: '冒充' }],
      [7, 1, { user: '查看者' }],
    ]);
    expect(g.check('d', a, forged, viewer)).toEqual({ ignored: 1 });
    // Same length, the forged clock is 0 (never applied), the viewer's own entry untouched.
    expect(clocks(forged)).toEqual([0, 1]);
    const removal = update([[1, 3, null]]);
    expect(g.check('d', a, removal, viewer)).toEqual({ ignored: 1 });
    expect(clocks(removal)).toEqual([0]);
    // One id per connection: a second, made-up presence is ignored too.
    expect(g.check('d', a, update([[8, 1, { user: '幽灵' }]]), viewer)).toEqual({ ignored: 1 });
  });

  it('lets echoes of states the relay already has through untouched (providers send them back)', () => {
    const g = new AwarenessGuard();
    const a = relayAwareness();
    g.check('d', a, update([[1, 4, { user: '张三' }]]), zhang);
    const echo = update([[1, 3, { user: '张三' }]]);
    expect(g.check('d', a, echo, viewer)).toEqual({ ignored: 0 });
    expect(clocks(echo)).toEqual([3]);
  });

  it('lets the same token take its id to a new connection, and frees ids of a connection that left', () => {
    const g = new AwarenessGuard();
    const a = relayAwareness();
    g.check('d', a, update([[1, 4, { user: '张三' }]]), zhang);
    expect(g.check('d', a, update([[1, 5, { user: '张三' }]]), { ...zhang, socketId: 's3' })).toEqual({
      ignored: 0,
    });
    g.release('d', 's3');
    expect(g.check('d', a, update([[1, 6, { user: '李四' }]]), viewer)).toEqual({ ignored: 0 });
  });

  it('refuses oversized and malformed presence', () => {
    const g = new AwarenessGuard();
    const a = relayAwareness();
    const big = update([[2, 1, { user: 'x'.repeat(MAX_AWARENESS_BYTES) }]]);
    expect(g.check('d', a, big, viewer)).toEqual({ refuse: 'awareness-too-large' });
    expect(g.check('d', a, Uint8Array.of(5, 1), viewer)).toEqual({ refuse: 'malformed-awareness' });
  });
});
