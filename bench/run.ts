// `pnpm bench [name…]`: runs bench/*.bench.ts (each default-exports an async function returning
// BenchResult[]), prints one table and writes bench/results/<file>.json per benchmark file.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchResult, machine } from './result.ts';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.startsWith(w)));

const all: BenchResult[] = [];
mkdirSync(join(here, 'results'), { recursive: true });
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`running ${name} …`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: () => Promise<BenchResult[]>;
  };
  const results = await mod.default();
  all.push(...results);
  const out = { benchmark: name, at: new Date().toISOString(), machine: machine(), results };
  writeFileSync(join(here, 'results', `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
}

console.table(
  all.map((r) => ({
    name: r.name,
    metric: r.metric,
    value: Number(r.value.toFixed(2)),
    unit: r.unit,
    target: r.target,
    met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  })),
);
