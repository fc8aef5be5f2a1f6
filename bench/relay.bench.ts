// Relay benchmarks against a real relay process on 127.0.0.1:
// - 200 clients on one document, 10 edits each: time until all converged, p50/p99 propagation;
// - two clients with 1,000 offline edits each, reconnecting: time to converge;
// - relay memory per open document of 10,000 entries.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createUnit } from '../packages/relay/src/index.ts';
import {
  buildLog,
  connectClient,
  snapshot,
  type TestClient,
  waitFor,
} from '../tests/support/relay-client.ts';
import { type RelayProcess, startRelayProcess, tempDir } from '../tests/support/relay-process.ts';
import { digest, type SwarmConfig, type SwarmMessage } from '../tests/support/relay-swarm.ts';
import { type BenchResult, below, info } from './result.ts';

const swarmScript = resolve(import.meta.dirname, '../tests/support/relay-swarm.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const CLIENTS = Number(process.env.TIANBAO_BENCH_RELAY_CLIENTS ?? 200);
const PROBES = 10;
/** Scheduling priority of the swarm process (19 = yield to the relay and probes). */
const SWARM_NICE = Number(process.env.TIANBAO_BENCH_RELAY_SWARM_NICE ?? 19);
const EDITS = 10;
/** Each client spreads its 10 edits over this window (200 clients: ~33 edits/s on the document). */
const WINDOW_MS = Number(process.env.TIANBAO_BENCH_RELAY_WINDOW_MS ?? 30_000);

interface Health {
  memory: { rss: number; heapUsed: number };
  cpuMs: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}
/** The relay's /health; `resetLoopDelay` starts a new event-loop delay interval. */
const health = async (relay: RelayProcess, resetLoopDelay = false) =>
  (await (
    await fetch(`${relay.httpUrl}/health${resetLoopDelay ? '?resetLoopDelay=1' : ''}`)
  ).json()) as Health;

async function withUnit<T>(
  name: string,
  run: (relay: RelayProcess, unit: Awaited<ReturnType<typeof createUnit>>) => Promise<T>,
) {
  const dataDir = tempDir();
  const unit = await createUnit({ dataDir, name, relayUrl: 'ws://127.0.0.1:1' });
  // e.g. TIANBAO_BENCH_RELAY_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the relay.
  const nodeArgs = process.env.TIANBAO_BENCH_RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // 200 clients from one address: the per-address limit is for the open internet, not this bench.
  const relay = await startRelayProcess({ dataDir, nodeArgs, args: ['--max-connections-per-address', '0'] });
  try {
    return await run(relay, unit);
  } finally {
    await relay.stop();
  }
}

/**
 * 200 clients on one document, 10 edits each. 190 run in a niced child process (the swarm),
 * 10 probes here; all 200 edit and all 200 must end identical. Propagation latency is measured
 * between probes, whose edits the relay fans out to all 200 like any other: a real client runs
 * on its own machine, while here the swarm's Yjs work (each apply walks all 200 client ids, for
 * 400k deliveries) shares two busy cores, and a niced sender descheduled between stamping an
 * edit and writing it would be counted as relay latency (reported separately).
 */
const manyClients = () =>
  withUnit('基准测试单位', async (relay, unit) => {
    const name = `${unit.unit.id}/many`;
    const total = CLIENTS * EDITS;
    const config: SwarmConfig = {
      url: relay.url,
      name,
      token: unit.editor.token,
      count: CLIENTS - PROBES,
      edits: EDITS,
      windowMs: WINDOW_MS,
      total,
    };
    const swarm = spawn(process.execPath, ['--import', 'tsx', swarmScript, JSON.stringify(config)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (swarm.pid) setPriority(swarm.pid, SWARM_NICE);
    const messages: SwarmMessage[] = [];
    swarm.on('message', (m: SwarmMessage) => messages.push(m));
    const swarmSays = <T extends SwarmMessage['type']>(type: T) =>
      waitFor(() => messages.some((m) => m.type === type), `swarm ${type}`, 170_000).then(
        () => messages.find((m) => m.type === type) as Extract<SwarmMessage, { type: T }>,
      );
    const probes: TestClient[] = [];
    const latencies: number[] = [];
    const swarmLatencies: number[] = [];
    try {
      for (let i = 0; i < PROBES; i++) {
        const c = connectClient({ url: relay.url, name, token: unit.editor.token });
        const own = `p${i}-`;
        c.entries().observe((event) => {
          const at = now();
          for (const key of event.keysChanged) {
            if (key.startsWith(own)) continue;
            const sent = c.entries().get(key)?.get('sentAt');
            if (typeof sent !== 'number') continue;
            (key.startsWith('p') ? latencies : swarmLatencies).push(at - sent);
          }
        });
        probes.push(c);
      }
      await Promise.all(probes.map((c) => c.synced));
      await swarmSays('ready');
      const before = await health(relay, true);
      const probeLoop = monitorEventLoopDelay({ resolution: 10 });
      probeLoop.enable();
      const started = now();
      swarm.send('go');
      await Promise.all(
        probes.map(async (c, i) => {
          for (let e = 0; e < EDITS; e++) {
            await sleep(Math.random() * ((2 * WINDOW_MS) / EDITS));
            c.addEntry(`p${i}-${e}`, { sentAt: now(), title: `探针 ${i}-${e}`, people: e });
          }
        }),
      );
      const probesEdited = now();
      const edited = await swarmSays('edited');
      const editsDone = Math.max(probesEdited, edited.at);
      await waitFor(() => probes.every((c) => c.entries().size === total), 'probes converged', 170_000);
      const probesConverged = now();
      const swarmDone = await swarmSays('converged');
      const after = await health(relay);
      probeLoop.disable();
      const reference = probes[0] ? snapshot(probes[0].doc) : '';
      const identical =
        swarmDone.identical &&
        probes.every((c) => snapshot(c.doc) === reference) &&
        digest(reference) === swarmDone.digest;
      latencies.sort((a, b) => a - b);
      swarmLatencies.sort((a, b) => a - b);
      const label = `relay ${CLIENTS} clients`;
      const notes = `${CLIENTS} clients × ${EDITS} edits over ~${WINDOW_MS / 1000} s; propagation measured probe→probe (${latencies.length} deliveries) while the relay fans every edit out to all ${CLIENTS}; all ${CLIENTS} replicas identical: ${identical}`;
      return [
        info(
          label,
          'all replicas converged, after the last edit',
          Math.max(probesConverged, swarmDone.at) - editsDone,
          'ms',
          notes,
        ),
        info(label, 'probes converged, after the last edit', probesConverged - editsDone, 'ms'),
        info(label, 'first edit to all converged', Math.max(probesConverged, swarmDone.at) - started, 'ms'),
        info(label, 'edit propagation p50', percentile(latencies, 50), 'ms'),
        below(label, 'edit propagation p99', percentile(latencies, 99), 'ms', 200),
        info(
          label,
          'swarm→probe propagation p99 (includes the niced swarm being descheduled)',
          percentile(swarmLatencies, 99),
          'ms',
          `p50 ${percentile(swarmLatencies, 50).toFixed(1)} ms over ${swarmLatencies.length} deliveries`,
        ),
        info(
          label,
          'probe process event-loop delay p99 during the run',
          probeLoop.percentile(99) / 1e6,
          'ms',
          `max ${(probeLoop.max / 1e6).toFixed(0)} ms (the measuring side's own share of latency)`,
        ),
        info(
          label,
          'relay event-loop delay p99 during the run',
          after.eventLoopDelayMs.p99,
          'ms',
          `max ${after.eventLoopDelayMs.max.toFixed(0)} ms; slow SQLite calls: ${
            relay.logs
              .filter((l) => l.event === 'slow storage')
              .map((l) => `${l.operation} ${l.ms} ms`)
              .join(', ') || 'none'
          }`,
        ),
        info(
          label,
          'relay CPU per second of run',
          (after.cpuMs - before.cpuMs) / ((probesConverged - started) / 1000),
          'ms/s',
        ),
        info(
          label,
          'relay RSS growth during the run',
          (after.memory.rss - before.memory.rss) / 2 ** 20,
          'MiB',
        ),
      ];
    } finally {
      for (const c of probes) c.destroy();
      if (swarm.exitCode === null) swarm.kill('SIGTERM');
    }
  });

/**
 * Two clients edit offline 1,000 times each and reconnect. `fresh`: the client comes back with a
 * new provider on its (locally persisted) document, as after a browser or service-worker
 * restart: one sync exchange. Otherwise the same provider reconnects and also replays its queue
 * of 1,000 single-update messages (Hocuspocus provider behaviour). One warm-up round on the
 * long-running relay, then the median of three rounds, each on a new document.
 */
const offlineMerge = (fresh: boolean) =>
  withUnit('离线合并单位', async (relay, unit) => {
    const round = async (n: number) => {
      const name = `${unit.unit.id}/offline-${n}`;
      const connect = (doc?: TestClient['doc']) =>
        connectClient({ url: relay.url, name, token: unit.editor.token, ...(doc ? { doc } : {}) });
      let a = connect();
      let b = connect();
      try {
        await Promise.all([a.synced, b.synced]);
        if (fresh) {
          a.destroy();
          b.destroy();
        } else {
          a.goOffline();
          b.goOffline();
        }
        await sleep(300);
        for (let i = 0; i < 1000; i++) {
          a.addEntry(`a-${i}`, { title: `甲 ${i}`, people: i });
          b.addEntry(`b-${i}`, { title: `乙 ${i}`, people: i });
        }
        const started = now();
        if (fresh) {
          a = connect(a.doc);
          b = connect(b.doc);
        } else {
          a.goOnline();
          b.goOnline();
        }
        await waitFor(
          () => a.entries().size === 2000 && b.entries().size === 2000 && snapshot(a.doc) === snapshot(b.doc),
          'offline clients converge',
          60_000,
        );
        return now() - started;
      } finally {
        a.destroy();
        b.destroy();
      }
    };
    const warmup = await round(0);
    const times = [await round(1), await round(2), await round(3)].sort((x, y) => x - y);
    const median = times[1] ?? Number.NaN;
    return [
      below(
        'relay offline merge',
        `2 × 1,000 offline edits, ${fresh ? 'new' : 'queued'} provider: to converged (median of 3)`,
        median,
        'ms',
        1000,
        `rounds ${times.map((t) => t.toFixed(0)).join(', ')} ms; cold first round ${warmup.toFixed(0)} ms`,
      ),
    ];
  });

const memoryPerDocument = () =>
  withUnit('内存测试单位', async (relay, unit) => {
    const DOCS = 5;
    const state = buildLog(10_000);
    // Seed through the relay itself, as a client that imported a year of entries would.
    for (let d = 0; d < DOCS; d++) {
      const seeder = connectClient({
        url: relay.url,
        name: `${unit.unit.id}/big-${d}`,
        token: unit.editor.token,
      });
      await seeder.synced;
      seeder.applyUpdate(state);
      await waitFor(() => seeder.acknowledged(), 'seed stored', 60_000);
      seeder.destroy();
    }
    // A fresh process, so the baseline holds none of the seeded documents.
    await relay.stop();
    await relay.restart();
    const clients: TestClient[] = [];
    try {
      const warm = connectClient({ url: relay.url, name: `${unit.unit.id}/warm`, token: unit.viewer.token });
      await warm.synced;
      warm.destroy();
      await sleep(500);
      const before = await health(relay);
      for (let d = 0; d < DOCS; d++) {
        const c = connectClient({
          url: relay.url,
          name: `${unit.unit.id}/big-${d}`,
          token: unit.viewer.token,
        });
        clients.push(c);
        await c.synced;
        await waitFor(() => c.entries().size === 10_000, 'big document loaded', 60_000);
      }
      await sleep(1000);
      const after = await health(relay);
      const notes = `${DOCS} documents open; stored state ${(state.byteLength / 2 ** 20).toFixed(2)} MiB each (gc: false)`;
      return [
        info(
          'relay memory',
          'RSS per open document of 10,000 entries',
          (after.memory.rss - before.memory.rss) / DOCS / 2 ** 20,
          'MiB',
          notes,
        ),
        info(
          'relay memory',
          'JS heap per open document of 10,000 entries',
          (after.memory.heapUsed - before.memory.heapUsed) / DOCS / 2 ** 20,
          'MiB',
        ),
      ];
    } finally {
      for (const c of clients) c.destroy();
    }
  });

/** TIANBAO_BENCH_RELAY_ONLY=offline|memory|many runs one part (quicker while tuning). */
export default async function relayBench(): Promise<BenchResult[]> {
  const only = process.env.TIANBAO_BENCH_RELAY_ONLY;
  const parts: [string, () => Promise<BenchResult[]>][] = [
    ['offline', async () => [...(await offlineMerge(true)), ...(await offlineMerge(false))]],
    ['memory', memoryPerDocument],
    ['many', manyClients],
  ];
  const results: BenchResult[] = [];
  for (const [name, run] of parts) if (!only || only === name) results.push(...(await run()));
  return results;
}
