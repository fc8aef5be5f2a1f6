// #18 finding 6: what a peer writes past the rules by sync is kept (a CRDT cannot refuse it without
// diverging) but flagged: the blanks it adds to show an error naming it until someone corrects it.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { K, pair, sync } from './test-replicas.ts';

const A = `${K}/s1`;
/** A count blank of the table (s1 above is a key no table has: any kind goes there). */
const N = `${K}/sk5rlzdgm`;

describe('invalid records arriving by sync', () => {
  it('are flagged, never summed silently, and a correction clears them', () => {
    const { a, b } = pair();
    const id = a.addEntry({ date: '2021-06-01', title: '演练', contributions: { [A]: 3 } });
    a.addEntry({ date: '2021-06-02', title: '另一条', contributions: { [A]: 2 } });
    const doc = a.doc(`e0${a.shardIndexOf(id)}`) as Y.Doc;
    const m = doc.getMap('entries').get(id) as Y.Map<unknown>;
    doc.transact(() => m.set('title', 'x'.repeat(10_000)), { kind: 'local', user: 'x' });
    sync(a, b);
    expect(b.invalidEntries().map((e) => [e.id, e.problems[0]?.field])).toEqual([
      [id, `entries.${id}.title`],
    ]);
    const [s] = b.statistics([A]);
    expect(s?.value).toBeNull();
    expect(s?.error).toContain(`entry ${id} holds data the rules refuse`);
    expect(s?.explanation).toContain('的数据不符合要求（活动名称不能超过200个字）');
    // Nothing was lost, and an ordinary edit puts it right for everyone.
    expect(b.listEntries()).toHaveLength(2);
    b.updateEntry(id, { title: '演练' });
    expect(b.invalidEntries()).toEqual([]);
    expect(b.statistics([A])[0]?.value).toBe(5);
  });

  it('plans, liaison fields and manual values written past the rules are named, never used as figures', () => {
    const { a, b } = pair();
    a.setManualValue(N, 7, '上级通报的数');
    const planId = a.addPlan({ time: '6月16日', place: '线上', content: '咨询日' });
    a.setProfile({ name: '张三丰', officePhone: '0457-2712884' });
    // What a copy that skips the checks could write.
    a.root.transact(() => {
      a.root.getMap('values').set(N, { value: '七', by: '张三', at: Date.now(), reason: '' });
      (a.root.getMap('plans').get(planId) as Y.Map<unknown>).set('content', '长'.repeat(3000));
      a.root.getMap('profile').set('officePhone', { not: 'text' });
    });
    // The table says the blank is a count (the session sets this from the templates).
    b.kindOf = (key) => (key === N ? 'number' : undefined);
    sync(a, b);
    const [s] = b.statistics([N]);
    expect(s?.value).toBeNull();
    expect(s?.error).toContain('breaks the rules');
    expect(s?.explanation).toContain('手工填写的数据不符合要求');
    expect(b.getProfile().officePhone).toBe('');
    expect(b.getProfile().name).toBe('张三丰');
    expect(b.recordProblems().map((p) => [p.record, p.id, p.problems[0]?.field])).toEqual([
      ['plan', planId, `plans.${planId}.content`],
      ['profile', 'profile', 'profile.officePhone'],
      ['value', N, `values.${N}`],
    ]);
    // Nothing was lost, and ordinary edits put it right.
    expect(b.listPlans()).toHaveLength(1);
    b.setManualValue(N, 7, '上级通报的数');
    b.updatePlan(planId, { content: '咨询日' });
    b.setProfile({ officePhone: '0457-2712884' });
    expect(b.recordProblems()).toEqual([]);
    expect(b.statistics([N])[0]?.value).toBe(7);
  });
});
