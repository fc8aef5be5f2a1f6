// Child process of core.bench.ts: a cold start on a stored 100k-entry log, measured from nothing in memory.
import { LogSession } from '@tianbao/core';
import { FileStorage } from '@tianbao/core/node';

const [file, keysJson] = process.argv.slice(2) as [string, string];
const keys = JSON.parse(keysJson) as string[];
const gc = (globalThis as { gc?: () => void }).gc;

const t0 = performance.now();
const session = await LogSession.open(new FileStorage(file), { user: '基准', lazy: true });
const stats = session.log.statistics(keys);
const coldLoadMs = performance.now() - t0;

const runs: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  session.log.statistics(keys);
  runs.push(performance.now() - t);
}
runs.sort((a, b) => a - b);
const fullStatsMs = runs[Math.floor(runs.length / 2)] as number;

// Date ranges (本周, 累计, 全程, one day): the slowest range's median over 7 runs, straight after load.
const ranges = [
  { from: '2020-06-01', to: '2020-06-07' },
  { from: '2020-06-08', to: '2020-06-14' },
  { from: '2020-06-29', to: '2020-06-30' },
  { from: '2020-06-01', to: '2020-06-30' },
  { from: '2020-06-01', to: '2020-06-14' },
  { from: '2020-06-16', to: '2020-06-16' },
];
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const firstRangeStart = performance.now();
session.log.statistics(keys, ranges[1]);
const firstRangeMs = performance.now() - firstRangeStart;
const rangeStatsMs = Math.max(
  ...ranges.map((r) =>
    median(
      Array.from({ length: 7 }, () => {
        const t = performance.now();
        session.log.statistics(keys, r);
        return performance.now() - t;
      }),
    ),
  ),
);

const id = session.log.listSummaries()[0]?.id as string;
const t1 = performance.now();
await session.loadShardOf(id);
const shardLoadMs = performance.now() - t1;
const edits: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  session.log.updateEntry(id, { contributions: { [keys[5] as string]: 10 + i } });
  session.log.statistics(keys);
  edits.push(performance.now() - t);
}
edits.sort((a, b) => a - b);
const afterEditMs = edits[Math.floor(edits.length / 2)] as number;
// One edit that moves the entry to another week (and changes a figure), then that week's and the
// cumulative statistics.
const rangeEdits: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  session.log.updateEntry(id, {
    date: i % 2 ? '2020-06-09' : '2020-06-23',
    contributions: { [keys[5] as string]: 30 + i },
  });
  session.log.statistics(keys, ranges[1]);
  session.log.statistics(keys, { from: '2020-06-01', to: '2020-06-14' });
  rangeEdits.push(performance.now() - t);
}
const rangeAfterEditMs = median(rangeEdits);
gc?.();
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
const nonEmpty = stats.filter((s) => s.value !== null).length;
process.stdout.write(
  JSON.stringify({
    coldLoadMs,
    fullStatsMs,
    firstRangeMs,
    rangeStatsMs,
    shardLoadMs,
    afterEditMs,
    rangeAfterEditMs,
    heapMB,
    nonEmpty,
  }),
);
process.exit(0);
