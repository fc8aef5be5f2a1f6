// `tianbao fill` on every portal fixture: the built extension in Chromium, the values joined as a unit
// log through the first-run page, the side panel's 一键填报 (sure matches only), the live DOM dumped and
// scored with ../shared/tools/score-autofill.mjs. Issue 6: accuracy ≥ 0.98, zero wrong values, zero
// decoys touched, per fixture. The engine's own unseen layouts (packages/autofill/fixtures) and the demo
// portal's pages (demo/portal) run too.
import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILT_EXTENSION, runFill } from '../packages/cli/src/index.ts';
import { type StaticServer, serveStatic } from './support/serve-static.ts';

const repo = resolve(import.meta.dirname, '..');
const shared = resolve(repo, '../shared');
const scoreScript = join(shared, 'tools/score-autofill.mjs');
const run = promisify(execFile);

interface Fixture {
  name: string;
  dir: string;
  base: 'shared' | 'own' | 'demo';
}
const fixturesIn = (dir: string, base: Fixture['base']): Fixture[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => existsSync(join(dir, d, 'truth.json')))
        // Fixtures written as apps (truth.build) need a bundler step the engine test does; not here.
        .filter((d) => !JSON.parse(readFileSync(join(dir, d, 'truth.json'), 'utf8')).build)
        // 本周 | 累计 pages need a log with dated entries, not test values: tests/period-fill.e2e.test.ts.
        .filter((d) => !readFileSync(join(dir, d, 'truth.json'), 'utf8').includes('"measure"'))
        .sort()
        .map((d) => ({ name: d, dir: join(dir, d), base }))
    : [];
const fixtures = [
  ...fixturesIn(join(shared, 'portals'), 'shared'),
  ...fixturesIn(join(repo, 'packages/autofill/fixtures'), 'own'),
  ...fixturesIn(join(repo, 'demo/portal'), 'demo'),
];

/** Test values keyed by slot index (../shared/tools/test-values.mjs), or the liaison profile. */
async function valuesFor(template: string): Promise<Record<string, unknown>> {
  if (template === 'liaison')
    return JSON.parse(readFileSync(join(shared, 'reference/liaison-values.json'), 'utf8'));
  const { testValues } = (await import(pathToFileURL(join(shared, 'tools/test-values.mjs')).href)) as {
    testValues: (r: unknown) => Record<string, unknown>;
  };
  return testValues(JSON.parse(readFileSync(join(shared, `reference/${template}.json`), 'utf8')));
}

let servers: Record<Fixture['base'], StaticServer>;
let work: string;
/** The build as it was when the suite started (others may rebuild .output while it runs). */
let extensionDir: string;
const report: string[] = [];

beforeAll(async () => {
  servers = {
    shared: await serveStatic(join(shared, 'portals')),
    own: await serveStatic(join(repo, 'packages/autofill/fixtures')),
    demo: await serveStatic(join(repo, 'demo/portal')),
  };
  work = mkdtempSync(join(tmpdir(), 'autofill-extension-e2e-'));
  extensionDir = join(work, 'chrome-mv3');
  cpSync(BUILT_EXTENSION, extensionDir, { recursive: true });
});

afterAll(async () => {
  await servers?.shared.close();
  await servers?.own.close();
  await servers?.demo.close();
  if (work) rmSync(work, { recursive: true, force: true });
  if (report.length) console.log(`tianbao fill per fixture:\n${report.sort().join('\n')}`);
});

describe('tianbao fill: the side panel’s 一键填报 on portal fixtures', () => {
  test('there are fixtures to score', () => {
    expect(fixtures.filter((f) => f.base === 'shared').length).toBeGreaterThanOrEqual(6);
  });

  // Each fixture is its own browser (as each `tianbao fill` is) that mostly waits for the page and the panel
  // to settle: several at once (the config's maxConcurrency), each with the test's own expect.
  test.concurrent.for(fixtures.map((f) => [`${f.base}/${f.name}`, f] as const))(
    '%s',
    async ([, fixture], { expect }) => {
      const truthPath = join(fixture.dir, 'truth.json');
      const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { template: string; entry: string };
      const result = await runFill({
        url: `${servers[fixture.base].url}${fixture.name}/${truth.entry}`,
        template: truth.template,
        values: await valuesFor(truth.template),
        extensionDir,
      });
      const dumpPath = join(work, `${fixture.base}-${fixture.name}.json`);
      writeFileSync(dumpPath, JSON.stringify(result));
      const out = execFileSync(process.execPath, [scoreScript, truthPath, dumpPath], { encoding: 'utf8' });
      const m =
        /accuracy ([\d.]+) precision ([\d.]+) correct (\d+)\/(\d+) wrong (\d+) missed (\d+) decoys-touched (\d+)/.exec(
          out,
        );
      expect(m, out).not.toBeNull();
      const [, accuracy, , correct, total, wrong, , decoys] = (m as RegExpExecArray).map(Number);
      report.push(
        `  ${fixture.base}/${fixture.name}: accuracy ${accuracy} (${correct}/${total}) wrong ${wrong} decoys ${decoys}; ` +
          `filled ${result.filled} unsure ${result.unsure} not found ${result.notFound}; elapsedMs ${result.elapsedMs} ` +
          `(load ${result.timings.loadMs}, panel scan ${result.timings.scanMs}, fill ${result.timings.fillMs})`,
      );
      expect(total).toBeGreaterThan(0);
      expect(result.filled).toBeGreaterThan(0);
      expect(wrong, out).toBe(0);
      expect(decoys, out).toBe(0);
      expect(accuracy, out).toBeGreaterThanOrEqual(0.98);
    },
  );
});

// Independent runs, each its own browser or CLI process: at once, each with the test's own expect.
describe.concurrent('tianbao fill: the command line', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(repo, 'packages/cli/src/bin.ts'), 'fill', ...args], {
      cwd: repo,
      encoding: 'utf8',
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  test('fills the liaison form end to end and writes the dump with counts', async ({ expect }) => {
    const values = join(work, 'liaison-values.json');
    writeFileSync(values, JSON.stringify(await valuesFor('liaison')));
    const out = join(work, 'cli-liaison.json');
    const r = await cli([
      '--url',
      `${servers.shared.url}liaison-form/index.html`,
      '--template',
      'liaison',
      '--values',
      values,
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/filled \d+/);
    const dumped = JSON.parse(readFileSync(out, 'utf8'));
    expect(dumped.fields.length).toBeGreaterThan(5);
    expect(dumped.filled).toBeGreaterThan(5);
    expect(typeof dumped.unsure).toBe('number');
    expect(dumped.elapsedMs).toBeGreaterThan(0);
    expect(dumped.fields.find((f: { name: string }) => f.name === 'xm')?.value).toBe('张三丰');
  });

  test('a form that appears after the fill is filled too before the dump (late-rendered page)', async ({
    expect,
  }) => {
    const dir = join(work, 'late');
    mkdirSync(dir, { recursive: true });
    // Blank page first; the unit line 2 s later, as a page that fetches its data before rendering; the
    // rest of the form 1 s after the unit has a value, as a portal that loads the form of the unit chosen.
    // So the second part appears after 一键填报 however fast or slow the machine: only the panel's own
    // refill can fill it, and the dump must wait for that (tianbao fill once waited a fixed 600 ms).
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>late</title><div id="app">加载中…</div>
<script>const app = document.getElementById('app');
setTimeout(() => {
  app.innerHTML = '<label>填报单位 <input name="dw"></label>';
  app.querySelector('input').addEventListener('input', () => setTimeout(() =>
    app.insertAdjacentHTML('beforeend', ' <label>电话号码 <input name="dh"></label>'), 1000), { once: true });
}, 2000);</script>`,
    );
    const server = await serveStatic(dir);
    try {
      const result = await runFill({
        url: `${server.url}index.html`,
        template: 'daxinganling-2020',
        values: await valuesFor('daxinganling-2020'),
        extensionDir,
      });
      const value = (name: string) => result.fields.find((f) => f.name === name)?.value;
      expect([value('dw'), value('dh')]).toEqual(['文本0', '13900000002']);
      expect(result.filled).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('--confirm-unsure ticks every 需确认 row first: those are filled too, and nothing else changes', async ({
    expect,
  }) => {
    // The quick demo page has fields the panel only suggests (需确认); the plain run leaves them empty.
    const opts = {
      url: `${servers.demo.url}quick/index.html`,
      template: 'daxinganling-2020',
      values: await valuesFor('daxinganling-2020'),
      extensionDir,
    };
    const [plain, all] = await Promise.all([runFill(opts), runFill({ ...opts, confirmUnsure: true })]);
    expect(plain.unsure).toBeGreaterThan(0);
    expect(plain.confirmed).toBe(0);
    expect(all.confirmed).toBe(plain.unsure);
    expect(all.unsure).toBe(0);
    expect(all.filled).toBe(plain.filled + plain.unsure);
    const filledIn = (r: typeof plain, name: string) => r.fields.find((f) => f.name === name)?.value;
    // What the plain run filled, the confirming run filled alike.
    for (const f of plain.fields) if (f.value) expect(filledIn(all, f.name), f.name).toBe(f.value);
  });

  test('an unknown template exits non-zero with a clear message', async ({ expect }) => {
    const values = join(work, 'empty.json');
    writeFileSync(values, '{}');
    const r = await cli([
      '--url',
      servers.shared.url,
      '--template',
      'no-such',
      '--values',
      values,
      '--out',
      'x',
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('unknown template "no-such"');
  });

  test('a URL that cannot be loaded exits non-zero with a clear message', async ({ expect }) => {
    const values = join(work, 'empty-for-url.json');
    writeFileSync(values, '{}');
    const gone = `${servers.shared.url}no-such-portal/index.html`;
    const r = await cli([
      '--url',
      gone,
      '--template',
      'liaison',
      '--values',
      values,
      '--out',
      join(work, 'x'),
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`cannot load ${gone}: HTTP 404`);
    const refused = 'http://127.0.0.1:9/form.html';
    const r2 = await cli([
      '--url',
      refused,
      '--template',
      'liaison',
      '--values',
      values,
      '--out',
      join(work, 'x'),
    ]);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toContain(`cannot load ${refused}`);
  });
});
