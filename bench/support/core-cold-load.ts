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
gc?.();
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
const nonEmpty = stats.filter((s) => s.value !== null).length;
process.stdout.write(JSON.stringify({ coldLoadMs, fullStatsMs, shardLoadMs, afterEditMs, heapMB, nonEmpty }));
process.exit(0);
