import * as Y from 'yjs';
import { newDoc, shardName } from './doc-layout.ts';
import { UnitLog } from './unit-log.ts';

/**
 * Seeded random edits on N replicas of one log with random partitions, duplicated and reordered
 * delivery (yjs' TestConnector idea). Every write carries a unique value and remembers the value it
 * overwrote, so at the end we can tell a sequential overwrite from a lost concurrent write and check
 * that each write is either the final value, overwritten by someone who had seen it, or recorded as a
 * conflict.
 */
export interface SimOptions {
  seed: number;
  replicas: number;
  ops: number;
  shards?: number;
}

export interface SimResult {
  identical: boolean;
  /** Writes neither kept, superseded, nor recorded as a conflict (must be 0). */
  lostWrites: string[];
  conflicts: number;
  entries: number;
  messages: number;
  duplicates: number;
}

const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Msg {
  to: number;
  doc: string;
  update: Uint8Array;
}

const T = 'sim';
const TEXT_FIELDS = ['title', 'location', 'description'] as const;

export function runConvergence(opts: SimOptions): SimResult {
  const rand = rng(opts.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const first = UnitLog.create({
    unitName: '测试单位',
    campaign: '2020 安全生产月',
    user: 'r0',
    shards: opts.shards ?? 4,
  });
  const logs = [first];
  for (let r = 1; r < opts.replicas; r++) {
    const clone = (d: Y.Doc) => {
      const c = newDoc();
      Y.applyUpdateV2(c, Y.encodeStateAsUpdateV2(d));
      return c;
    };
    const log = UnitLog.fromRoot(clone(first.root), `r${r}`);
    for (let i = 0; i < first.shardCount; i++) log.attachShard(i, clone(first.doc(shardName(i)) as Y.Doc));
    logs.push(log);
  }
  // A real time (stamps outside 2000–2099 are refused as damaged data), ticking one millisecond per edit.
  let clock = Date.UTC(2020, 5, 1);
  for (const l of logs) l.now = () => clock++;

  // Network: local updates become messages to every other replica; partitioned replicas hold theirs.
  let queue: Msg[] = [];
  let messages = 0;
  let duplicates = 0;
  logs.forEach((log, r) => {
    for (const name of log.docNames()) {
      (log.doc(name) as Y.Doc).on('updateV2', (update: Uint8Array, origin: unknown) => {
        if ((origin as { kind?: string })?.kind !== 'local') return;
        for (let to = 0; to < logs.length; to++) if (to !== r) queue.push({ to, doc: name, update });
      });
    }
  });
  const partitioned = new Set<number>();
  const deliver = (m: Msg) => {
    Y.applyUpdateV2(logs[m.to]?.doc(m.doc) as Y.Doc, m.update, { kind: 'remote' });
    messages++;
  };

  // What each write overwrote, keyed by its unique value.
  const prev = new Map<string, string | undefined>();
  const writes = new Map<string, string[]>(); // target key -> values written
  const note = (target: string, value: string, before: unknown) => {
    prev.set(value, typeof before === 'string' || typeof before === 'number' ? String(before) : undefined);
    writes.set(target, [...(writes.get(target) ?? []), value]);
  };

  for (let op = 0; op < opts.ops; op++) {
    const r = Math.floor(rand() * logs.length);
    const log = logs[r] as UnitLog;
    const ids = log.listSummaries({ deleted: 'any' }).map((e) => e.id);
    const roll = rand();
    const v = `r${r}-op${op}`;
    if (roll < 0.15 || ids.length === 0) {
      log.addEntry(
        { date: '2020-06-01', title: v, contributions: { [`${T}/s${op % 7}`]: 1 } },
        { id: `sim-${opts.seed}-${op}` },
      );
    } else if (roll < 0.55) {
      const id = pick(ids);
      const field = pick([...TEXT_FIELDS]);
      const before = log.getEntry(id)?.[field];
      log.updateEntry(id, { [field]: v });
      note(`${id}/${field}`, v, before);
    } else if (roll < 0.7) {
      const id = pick(ids);
      const slot = `${T}/s${Math.floor(rand() * 7)}`;
      const n = op + 1;
      const before = log.getEntry(id)?.contributions[slot];
      log.updateEntry(id, { contributions: { [slot]: n } });
      note(`${id}/c:${slot}`, String(n), before);
    } else if (roll < 0.78) {
      const id = pick(ids);
      if (rand() < 0.5) log.deleteEntry(id);
      else log.restoreEntry(id);
    } else if (roll < 0.88) {
      const slot = `${T}/m${Math.floor(rand() * 3)}`;
      const before = log.manualValues()[slot]?.value;
      log.setManualValue(slot, op + 1, v);
      note(`values/${slot}`, String(op + 1), before);
    } else if (roll < 0.94) {
      const before = log.getProfile().address;
      log.setProfile({ address: v });
      note('profile/address', v, before || undefined);
    } else {
      // Partition changes: cut a replica off, or heal one.
      if (partitioned.size && rand() < 0.5) partitioned.delete(pick([...partitioned]));
      else partitioned.add(r);
    }
    // Ask for conflicts now and then, so each replica's conflict cache is kept up incrementally.
    if (op % 97 === 0) log.conflicts();
    // Deliver a random part of the queue in random order, sometimes twice.
    if (rand() < 0.6) {
      const keep: Msg[] = [];
      for (const m of queue.sort(() => rand() - 0.5)) {
        if (partitioned.has(m.to) || rand() < 0.3) keep.push(m);
        else {
          deliver(m);
          if (rand() < 0.1) {
            deliver(m);
            duplicates++;
          }
        }
      }
      queue = keep;
    }
  }
  // Heal everything and deliver what is left, then a full state exchange (what a reconnect does).
  for (const m of queue.sort(() => rand() - 0.5)) deliver(m);
  for (const a of logs)
    for (const b of logs)
      for (const name of a.docNames()) {
        const da = a.doc(name) as Y.Doc;
        const db = b.doc(name) as Y.Doc;
        Y.applyUpdateV2(db, Y.encodeStateAsUpdateV2(da, Y.encodeStateVector(db)), { kind: 'remote' });
      }

  const view = (l: UnitLog) =>
    JSON.stringify({
      entries: l.listEntries({ deleted: 'any' }),
      stats: l.statistics(),
      profile: l.getProfile(),
      values: l.manualValues(),
      conflicts: l.conflicts(),
    });
  const identical = logs.every((l) => view(l) === view(first));
  // The incrementally kept conflicts must equal a scan from scratch of the same documents.
  const clone = (d: Y.Doc) => {
    const c = newDoc();
    Y.applyUpdateV2(c, Y.encodeStateAsUpdateV2(d));
    return c;
  };
  const fresh = UnitLog.fromRoot(clone(first.root), 'check');
  for (let i = 0; i < first.shardCount; i++) fresh.attachShard(i, clone(first.doc(shardName(i)) as Y.Doc));
  const cacheMatchesScan = JSON.stringify(fresh.conflicts()) === JSON.stringify(first.conflicts());
  if (!identical && process.env.SIM_DEBUG) {
    const a = view(first);
    const b = view(logs.find((l) => view(l) !== a) as UnitLog);
    let i = 0;
    while (a[i] === b[i]) i++;
    console.log(a.slice(Math.max(0, i - 200), i + 200), '\n---\n', b.slice(Math.max(0, i - 200), i + 200));
  }

  // Every write: final value, on the final value's overwrite chain, or on the chain of a recorded loss.
  const conflicts = first.conflicts();
  const chain = (v: string | undefined) => {
    const out = new Set<string>();
    for (let x = v; x !== undefined && !out.has(x); x = prev.get(x)) out.add(x);
    return out;
  };
  const lostWrites: string[] = [];
  for (const [target, values] of writes) {
    const [a, b] = [target.slice(0, target.indexOf('/')), target.slice(target.indexOf('/') + 1)];
    let final: unknown;
    let lost: unknown[];
    if (a === 'values') {
      final = first.manualValues()[b]?.value;
      lost = conflicts
        .filter((c) => c.target === 'value' && c.field === b)
        .map((c) => (c.lostValue as { value: number }).value);
    } else if (a === 'profile') {
      final = first.getProfile().address;
      lost = conflicts.filter((c) => c.target === 'profile' && c.field === 'address').map((c) => c.lostValue);
    } else {
      const e = first.getEntry(a);
      final = b.startsWith('c:') ? e?.contributions[b.slice(2)] : e?.[b as 'title'];
      lost = conflicts.filter((c) => c.targetId === a && c.field === b).map((c) => c.lostValue);
    }
    const covered = chain(final === undefined ? undefined : String(final));
    for (const l of lost) for (const x of chain(String(l))) covered.add(x);
    for (const v of values) if (!covered.has(v)) lostWrites.push(`${target}=${v}`);
  }
  return {
    identical: identical && cacheMatchesScan,
    lostWrites,
    conflicts: conflicts.length,
    entries: first.listEntries({ deleted: 'any' }).length,
    messages,
    duplicates,
  };
}
