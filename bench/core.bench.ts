// The unit log at 100,000 entries (issue: foundation): build, size, cold load to statistics,
// full and incremental statistics, date-range statistics (issue: reporting periods), heap; compact
// JSON of the same entries as the floor; and the long convergence run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportUpdateFile, LogSession } from '@tianbao/core';
import { FileStorage, writeLogFile } from '@tianbao/core/node';
import { runConvergence } from '../packages/core/src/model/convergence-sim.ts';
import { StatsIndex } from '../packages/core/src/stats/stats-index.ts';
import { type BenchResult, below, info } from './result.ts';

const N = 100_000;
const SLOTS = 150;
const T = 'daxinganling-2020';
const keys = Array.from({ length: SLOTS }, (_, i) => `${T}/s${i}`);
const kinds = ['宣传进企业', '应急演练', '专题学习', '隐患排查', '媒体报道'];
const places = ['加格达奇区人民广场', '松岭区应急管理局', '新林区林业局', '呼中区消防救援大队'];

const entry = (i: number) => ({
  date: `2020-06-${String(1 + (i % 30)).padStart(2, '0')}`,
  title: `第${i}期安全生产宣传进企业活动`,
  kind: kinds[i % kinds.length] as string,
  location: places[i % places.length] as string,
  organizer: '大兴安岭地区应急管理局',
  partners: '',
  description: '',
  contributions: {
    [keys[i % SLOTS] as string]: 1 + (i % 50),
    [keys[(i + 37) % SLOTS] as string]: 120,
    [keys[(i + 91) % SLOTS] as string]: 3,
  },
  attachments: [],
});

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-bench-'));
  const file = join(dir, 'unit.tianbao');
  const name = 'core: 100k-entry log';

  const t0 = performance.now();
  const session = await LogSession.create(new FileStorage(join(dir, 'build.tianbao')), {
    unitName: '大兴安岭地区应急管理局',
    campaign: '2020 安全生产月',
    templateIds: [T],
    user: '基准',
  });
  for (let i = 0; i < N; i++) session.log.addEntry(entry(i), { createdAt: 1591000000000 + i });
  const buildMs = performance.now() - t0;
  await writeLogFile(session, file);
  const encoded = exportUpdateFile(session.log).length;
  const fileBytes = statSync(file).size;

  const json = JSON.stringify(session.log.listEntries());
  const jsonBytes = Buffer.byteLength(json);
  const tj = performance.now();
  JSON.parse(json);
  const jsonParseMs = performance.now() - tj;

  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      join(import.meta.dirname, 'support/core-cold-load.ts'),
      file,
      JSON.stringify(keys),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`cold-load child failed: ${child.stderr}`);
  const cold = JSON.parse(child.stdout) as Record<string, number>;

  // A longer campaign (南粤行: June to December, 214 distinct days): the range sum walks every day.
  const long = new StatsIndex();
  const june1 = Date.UTC(2020, 5, 1);
  for (let i = 0; i < N; i++) {
    const e = entry(i);
    long.upsert({
      id: `e${i}`,
      date: new Date(june1 + (i % 214) * 86_400_000).toISOString().slice(0, 10),
      title: e.title,
      kind: e.kind,
      createdBy: '基准',
      createdAt: i,
      updatedBy: '基准',
      updatedAt: i,
      deleted: false,
      contributions: e.contributions,
    });
  }
  const longRuns = Array.from({ length: 7 }, () => {
    const t = performance.now();
    long.rangeTotals({ from: '2020-06-01', to: '2020-12-31' });
    return performance.now() - t;
  }).sort((a, b) => a - b);
  const longRangeMs = longRuns[3] as number;

  const tc = performance.now();
  const conv = runConvergence({ seed: 42, replicas: 5, ops: 20_000 });
  const convMs = performance.now() - tc;

  return [
    info(name, 'build (100k addEntry calls)', buildMs, 'ms'),
    info(name, 'encoded size (all documents, Yjs v2)', encoded / 2 ** 20, 'MiB'),
    info(name, '.tianbao file size (with statistics snapshot)', fileBytes / 2 ** 20, 'MiB'),
    info(name, 'compact JSON size (floor)', jsonBytes / 2 ** 20, 'MiB'),
    below(name, 'encoded size / compact JSON', encoded / jsonBytes, 'x', 1.5),
    info(name, 'JSON.parse of the compact JSON (floor)', jsonParseMs, 'ms'),
    below(name, 'cold load until statistics available', cold.coldLoadMs as number, 'ms', 1500),
    below(name, 'full statistics, 150 slots', cold.fullStatsMs as number, 'ms', 50),
    info(name, 'load the shard of an entry before editing it', cold.shardLoadMs as number, 'ms'),
    below(name, 'statistics after one more edit', cold.afterEditMs as number, 'ms', 5),
    info(name, 'first date-range statistics after load, 150 slots', cold.firstRangeMs as number, 'ms'),
    below(
      name,
      'date-range statistics after load, slowest of 6 ranges, 150 slots',
      cold.rangeStatsMs as number,
      'ms',
      20,
    ),
    below(
      name,
      'one edit moving an entry across weeks, then week + 累计 statistics',
      cold.rangeAfterEditMs as number,
      'ms',
      5,
    ),
    info(name, 'range sums over 214 distinct days (June–December), all slots', longRangeMs, 'ms'),
    below(name, 'heap used (cold load, stats, one edit)', cold.heapMB as number, 'MB', 300),
    info(
      'core: convergence',
      '5 replicas x 20,000 ops',
      convMs,
      'ms',
      `identical=${conv.identical} lost=${conv.lostWrites.length} conflicts=${conv.conflicts} entries=${conv.entries}`,
    ),
    {
      name: 'core: convergence',
      metric: 'replicas identical, no write lost',
      value: conv.identical && conv.lostWrites.length === 0 ? 1 : 0,
      unit: 'bool',
      target: '= 1',
      met: conv.identical && conv.lostWrites.length === 0,
    },
  ];
}
