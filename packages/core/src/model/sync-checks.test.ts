// #18 finding 6: what a peer writes past the rules by sync is kept (a CRDT cannot refuse it without
// diverging) but flagged: the blanks it adds to show an error naming it until someone corrects it.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { K, pair, sync } from './test-replicas.ts';

const A = `${K}/s1`;

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
});
