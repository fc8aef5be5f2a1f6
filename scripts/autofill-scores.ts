// The autofill's two figures on every portal fixture, through `tianbao fill` (the built extension's side
// panel in Chromium): filled without asking (一键填报 alone), and after ticking 确认填写 on every 需确认 row
// first (--confirm-unsure, a person who trusts every suggestion). Scored with
// ../shared/tools/score-autofill.mjs; prints a Markdown table (and writes it to --out).
// usage: pnpm build && pnpm exec tsx scripts/autofill-scores.ts [--only <substring>] [--out table.md]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT_EXTENSION, runFill } from '../packages/cli/src/index.ts';
import { bundleApp } from '../tests/support/bundle-app.ts';
import { serveStatic } from '../tests/support/serve-static.ts';

const repo = resolve(import.meta.dirname, '..');
const shared = resolve(repo, '../shared');
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = flag('--only');

export interface Score {
  accuracy: number;
  correct: number;
  total: number;
  wrong: number;
  missed: number;
  decoys: number;
}

export function score(truthPath: string, dump: object, work: string): Score & { out: string } {
  const dumpPath = join(work, `dump-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(dumpPath, JSON.stringify(dump));
  const out = execFileSync(
    process.execPath,
    [join(shared, 'tools/score-autofill.mjs'), truthPath, dumpPath],
    {
      encoding: 'utf8',
    },
  );
  const m =
    /accuracy ([\d.]+) precision ([\d.]+) correct (\d+)\/(\d+) wrong (\d+) missed (\d+) decoys-touched (\d+)/.exec(
      out,
    );
  if (!m) throw new Error(`score-autofill said: ${out}`);
  const [, accuracy, , correct, total, wrong, missed, decoys] = m.map(Number) as number[];
  return { accuracy, correct, total, wrong, missed, decoys, out } as Score & { out: string };
}

async function valuesFor(template: string): Promise<Record<string, unknown>> {
  if (template === 'liaison')
    return JSON.parse(readFileSync(join(shared, 'reference/liaison-values.json'), 'utf8'));
  const { testValues } = (await import(pathToFileURL(join(shared, 'tools/test-values.mjs')).href)) as {
    testValues: (r: unknown) => Record<string, unknown>;
  };
  return testValues(JSON.parse(readFileSync(join(shared, `reference/${template}.json`), 'utf8')));
}

const work = mkdtempSync(join(tmpdir(), 'autofill-scores-'));
// Copies served as they are, with each app fixture's bundle written beside its source.
const bases = [
  ['shared', join(shared, 'portals')],
  ['own', join(repo, 'packages/autofill/fixtures')],
  ['demo', join(repo, 'demo/portal')],
] as const;
const rows: string[] = [];
const extensionDir = join(work, 'chrome-mv3');
cpSync(BUILT_EXTENSION, extensionDir, { recursive: true });
try {
  for (const [base, dir] of bases) {
    const copy = join(work, base);
    cpSync(dir, copy, { recursive: true });
    const server = await serveStatic(copy);
    try {
      for (const name of readdirSync(copy).sort()) {
        const truthPath = join(copy, name, 'truth.json');
        if (!existsSync(truthPath) || (only && !`${base}/${name}`.includes(only))) continue;
        const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
        // 本周 | 累计 pages need a dated log, not test values (tests/period-fill.e2e.test.ts).
        if (JSON.stringify(truth).includes('"measure"')) continue;
        if (truth.build)
          writeFileSync(
            join(copy, name, truth.build.replace(/\.tsx?$/, '.js')),
            // Bundled from the repo's source, where the kits resolve.
            await bundleApp(join(dir, name, truth.build)),
          );
        const values = await valuesFor(truth.template);
        const url = `${server.url}${name}/${truth.entry}`;
        // A stepped form (下一步 / 分页) is walked as a person would: truth.steps says how.
        const { steps } = truth;
        const sure = await runFill({ url, template: truth.template, values, extensionDir, steps });
        const all = await runFill({
          url,
          template: truth.template,
          values,
          extensionDir,
          confirmUnsure: true,
          steps,
        });
        const a = score(truthPath, sure, work);
        const b = score(truthPath, all, work);
        const row =
          `| ${base}/${name} | ${a.total} | ${a.accuracy.toFixed(3)} (${a.correct}) | ${a.wrong} | ${sure.unsure} ` +
          `| ${all.confirmed} | ${b.accuracy.toFixed(3)} (${b.correct}) | ${b.wrong} | ${a.decoys + b.decoys} |`;
        rows.push(row);
        console.log(row);
        if (b.wrong || a.wrong)
          console.log(
            b.out
              .trim()
              .split('\n')
              .slice(0, -1)
              .map((l) => `    ${l}`)
              .join('\n'),
          );
      }
    } finally {
      await server.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const table = [
  '| fixture | slots | without asking: accuracy (correct) | wrong | 需确认 left | confirmed | after confirming all: accuracy (correct) | wrong | decoys touched |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');
console.log(`\n${table}`);
const out = flag('--out');
if (out) writeFileSync(out, `${table}\n`);
