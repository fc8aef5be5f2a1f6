// Test helper (not exported): a log and its replicas as two colleagues' browsers hold them, synced by hand.
import * as Y from 'yjs';
import { UnitLog } from './unit-log.ts';

export const K = 'baodi-2021';

export const newLog = (user = '张三') =>
  UnitLog.create({
    unitName: '宝坻区应急管理局',
    campaign: '2021 安全生产月',
    templateIds: [K],
    user,
    shards: 4,
  });

export function cloneDoc(d: Y.Doc): Y.Doc {
  const c = new Y.Doc({ gc: false });
  Y.applyUpdateV2(c, Y.encodeStateAsUpdateV2(d));
  return c;
}

/** Two replicas of one log, as two colleagues' browsers would hold it. */
export function pair(): { a: UnitLog; b: UnitLog } {
  const a = newLog('张三');
  const b = UnitLog.fromRoot(cloneDoc(a.root), '李四');
  for (let i = 0; i < a.shardCount; i++) b.attachShard(i, cloneDoc(a.doc(`e0${i}`) as Y.Doc));
  return { a, b };
}

/** Exchanges what each replica lacks, as the relay would. */
export function sync(x: UnitLog, y: UnitLog): void {
  for (const name of x.docNames()) {
    const dx = x.doc(name) as Y.Doc;
    const dy = y.doc(name) as Y.Doc;
    Y.applyUpdateV2(dy, Y.encodeStateAsUpdateV2(dx, Y.encodeStateVector(dy)), { kind: 'remote' });
    Y.applyUpdateV2(dx, Y.encodeStateAsUpdateV2(dy, Y.encodeStateVector(dx)), { kind: 'remote' });
  }
}
