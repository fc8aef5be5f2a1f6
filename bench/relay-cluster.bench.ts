// The relay past one machine (#16), measured with real servers on 127.0.0.1: one PostgreSQL, one Redis and
// three relay processes (`pnpm bench relay` runs this after relay.bench.ts).
// - 3 processes × 200 clients on 30 documents (20 clients a document, spread over the processes): edit
//   propagation p50/p99 between clients on different processes;
// - throughput: the same burst of edits through 1 process and through 3, side by side in one run;
// - recovery: a process SIGKILLed under unit logs (core's client with every relay address): time until each
//   of its logs is online on another process and has an edit made after the kill.
// All clients run in this one Node process on a 2-core machine shared with the relays, PostgreSQL and Redis:
// the figures include that contention (noted with each).
import {
  connectRelay,
  fetchLogFromRelay,
  LogSession,
  MemoryStorage,
  type RelayConnection,
  type RelayTarget,
} from '@tianbao/core';
import { createUnit } from '../packages/relay/src/index.ts';
import { startTestPostgres, type TestPostgres } from '../packages/relay/src/test-postgres.ts';
import { type RedisProcess, redisMissing, startRedis } from '../tests/support/redis-process.ts';
import { connectClient, NodeWebSocket, type TestClient, waitFor } from '../tests/support/relay-client.ts';
import { type RelayProcess, startRelayProcess } from '../tests/support/relay-process.ts';
import { type BenchResult, below, info } from './result.ts';

const PROCESSES = 3;
const DOCUMENTS = 30;
const CLIENTS_PER_PROCESS = Number(process.env.TIANBAO_BENCH_CLUSTER_CLIENTS ?? 200);
const EDITS = 5;
const WINDOW_MS = 20_000;
const BURST = 5;
const RECOVERY_LOGS = 15;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface Cluster {
  postgres: TestPostgres;
  redis: RedisProcess;
  relays: RelayProcess[];
  unitId: string;
  token: string;
}

async function startCluster(): Promise<Cluster> {
  const missing = redisMissing();
  if (missing) throw new Error(`relay-cluster bench needs ${missing}`);
  const postgres = await startTestPostgres();
  const postgresUrl = await postgres.createDatabase();
  const redis = await startRedis();
  const unit = await createUnit({ postgresUrl, name: '基准测试单位', relayUrl: 'ws://127.0.0.1:1' });
  const relays: RelayProcess[] = [];
  for (let i = 0; i < PROCESSES; i++)
    relays.push(
      await startRelayProcess({
        postgresUrl,
        redisUrl: redis.url,
        // Hundreds of clients from one address: the per-address limit is for the open internet.
        args: ['--max-connections-per-address', '0'],
      }),
    );
  return { postgres, redis, relays, unitId: unit.unit.id, token: unit.editor.token };
}

async function stopCluster(c: Cluster): Promise<void> {
  await Promise.all(c.relays.map((r) => r.stop()));
  await c.redis.stop();
  await c.postgres.destroy();
}

interface Placed {
  client: TestClient;
  process: number;
  doc: number;
  tag: string;
}

/** Clients on DOCUMENTS documents, client k on process `processOf(k)`; resolves once all synced. */
async function placeClients(c: Cluster, run: string, processOf: (k: number) => number): Promise<Placed[]> {
  const total = CLIENTS_PER_PROCESS * PROCESSES;
  const placed: Placed[] = [];
  for (let k = 0; k < total; k++) {
    const on = processOf(k);
    const doc = k % DOCUMENTS;
    const relay = c.relays[on] as RelayProcess;
    const client = connectClient({ url: relay.url, name: `${c.unitId}/${run}-${doc}`, token: c.token });
    placed.push({ client, process: on, doc, tag: `c${k}-` });
    // In batches, as people open their logs over a morning rather than in one instant.
    if (k % 50 === 49) await Promise.all(placed.map((p) => p.client.synced));
  }
  await Promise.all(placed.map((p) => p.client.synced));
  return placed;
}

const closeAll = (placed: Placed[]) => {
  for (const p of placed) p.client.destroy();
};

/** Every client makes EDITS edits over WINDOW_MS; latency recorded for deliveries across processes. */
async function propagation(c: Cluster): Promise<BenchResult[]> {
  const placed = await placeClients(c, 'spread', (k) => Math.floor(k / CLIENTS_PER_PROCESS));
  const processOfTag = new Map(placed.map((p) => [p.tag, p.process]));
  const across: number[] = [];
  const within: number[] = [];
  try {
    for (const p of placed)
      p.client.entries().observe((event) => {
        const at = now();
        for (const key of event.keysChanged) {
          const tag = key.slice(0, key.indexOf('-') + 1);
          if (tag === p.tag) continue;
          const sent = p.client.entries().get(key)?.get('sentAt');
          if (typeof sent !== 'number') continue;
          (processOfTag.get(tag) === p.process ? within : across).push(at - sent);
        }
      });
    const started = now();
    await Promise.all(
      placed.map(async (p) => {
        for (let e = 0; e < EDITS; e++) {
          await sleep(Math.random() * ((2 * WINDOW_MS) / EDITS));
          p.client.addEntry(`${p.tag}${e}`, { sentAt: now(), title: `测 ${p.tag}${e}` });
        }
      }),
    );
    const perDoc = (CLIENTS_PER_PROCESS * PROCESSES * EDITS) / DOCUMENTS;
    await waitFor(() => placed.every((p) => p.client.entries().size === perDoc), 'all converged', 120_000);
    const elapsed = now() - started;
    across.sort((a, b) => a - b);
    within.sort((a, b) => a - b);
    const label = `relay cluster ${PROCESSES}×${CLIENTS_PER_PROCESS} clients`;
    const notes = `${PROCESSES} processes × ${CLIENTS_PER_PROCESS} clients on ${DOCUMENTS} documents (PostgreSQL + Redis), ${EDITS} edits each over ~${WINDOW_MS / 1000} s; ${across.length} deliveries across processes, ${within.length} within one; all clients in one Node process on the same 2 cores`;
    return [
      info(label, 'edit propagation across processes p50', percentile(across, 50), 'ms', notes),
      below(label, 'edit propagation across processes p99', percentile(across, 99), 'ms', 250),
      info(label, 'edit propagation within one process p99', percentile(within, 99), 'ms'),
      info(label, 'first edit to all converged', elapsed, 'ms'),
    ];
  } finally {
    closeAll(placed);
  }
}

/** The same burst (every client BURST edits at once) through 1 process and through 3. */
async function throughput(c: Cluster): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const perSecond: number[] = [];
  for (const processes of [1, PROCESSES]) {
    const placed = await placeClients(c, `burst${processes}`, (k) => k % processes);
    try {
      const perDoc = (CLIENTS_PER_PROCESS * PROCESSES * BURST) / DOCUMENTS;
      const started = now();
      for (const p of placed)
        for (let e = 0; e < BURST; e++) p.client.addEntry(`${p.tag}${e}`, { title: `量 ${p.tag}${e}` });
      await waitFor(
        () => placed.every((p) => p.client.entries().size === perDoc),
        'burst converged',
        180_000,
      );
      const seconds = (now() - started) / 1000;
      const edits = placed.length * BURST;
      const deliveries = edits * (placed.length / DOCUMENTS - 1);
      perSecond.push(edits / seconds);
      results.push(
        info(
          `relay cluster throughput, ${processes} process${processes > 1 ? 'es' : ''}`,
          'edits per second, all replicas converged',
          edits / seconds,
          'edits/s',
          `${placed.length} clients, ${edits} edits at once on ${DOCUMENTS} documents: ${seconds.toFixed(1)} s, ${(deliveries / seconds).toFixed(0)} deliveries/s`,
        ),
      );
    } finally {
      closeAll(placed);
    }
  }
  results.push(
    info(
      'relay cluster throughput',
      '3 processes ÷ 1 process',
      (perSecond[1] ?? 0) / (perSecond[0] ?? 1),
      '×',
      'on 2 cores the three processes, PostgreSQL, Redis and every client share the same CPUs; on separate hosts each process brings its own',
    ),
  );
  return results;
}

/** SIGKILL one process under RECOVERY_LOGS unit logs; time until each is back elsewhere with a new edit. */
async function recovery(c: Cluster): Promise<BenchResult[]> {
  const target = (first: number): RelayTarget => ({
    url: c.relays.map((_, i) => (c.relays[(first + i) % c.relays.length] as RelayProcess).url),
    unitId: c.unitId,
    token: c.token,
    WebSocketPolyfill: NodeWebSocket,
  });
  const connections: RelayConnection[] = [];
  const pairs: { a: LogSession; b: LogSession; ca: RelayConnection }[] = [];
  try {
    for (let i = 0; i < RECOVERY_LOGS; i++) {
      const a = await LogSession.create(new MemoryStorage(), {
        unitName: '基准测试单位',
        campaign: '2021',
        templateIds: ['baodi-2021'],
        user: '张三',
        shards: 2,
      });
      const ca = connectRelay(a, target(0), '张三');
      connections.push(ca);
      await ca.whenSynced();
      await waitFor(() => ca.settled(), 'log uploaded', 30_000);
      const storage = new MemoryStorage();
      await fetchLogFromRelay(storage, target(1), a.log.meta().logId);
      const b = await LogSession.open(storage, { user: '李四' });
      const cb = connectRelay(b, target(1), '李四');
      connections.push(cb);
      await cb.whenSynced();
      pairs.push({ a, b, ca });
    }
    const killed = c.relays[0] as RelayProcess;
    const killedAt = now();
    await killed.kill('SIGKILL');
    // A colleague on another process writes at once; each log on the killed process must get it.
    for (const [i, p] of pairs.entries())
      p.b.log.addEntry({ date: '2021-06-05', title: `故障后${i}`, contributions: {} });
    const back: number[] = [];
    const online: number[] = [];
    await Promise.all(
      pairs.map(async (p, i) => {
        let seenOnline = false;
        await waitFor(
          () => {
            if (!seenOnline && p.ca.status() === 'online' && p.ca.relayUrl() !== killed.url) {
              seenOnline = true;
              online.push(now() - killedAt);
            }
            return p.a.log.listEntries().some((e) => e.title === `故障后${i}`);
          },
          'the edit after the kill',
          60_000,
        );
        back.push(now() - killedAt);
      }),
    );
    back.sort((x, y) => x - y);
    online.sort((x, y) => x - y);
    await killed.restart();
    const label = 'relay cluster recovery';
    return [
      info(
        label,
        'SIGKILL to online on another process, p50',
        percentile(online, 50),
        'ms',
        `${RECOVERY_LOGS} unit logs (core client, every relay address) on the killed process; the client waits 0.5 s before its first retry`,
      ),
      info(label, 'SIGKILL to the colleague’s edit received, slowest log', back.at(-1) ?? Number.NaN, 'ms'),
    ];
  } finally {
    for (const conn of connections) conn.destroy();
  }
}

export default async function relayClusterBench(): Promise<BenchResult[]> {
  const c = await startCluster();
  try {
    return [...(await propagation(c)), ...(await throughput(c)), ...(await recovery(c))];
  } finally {
    await stopCluster(c);
  }
}
