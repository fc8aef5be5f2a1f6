// The autofill engine in real Chromium on every portal fixture (../shared/portals and the engine's own
// packages/autofill/fixtures): scan + match + fill in the page, dump every control of every frame and
// shadow root, score with ../shared/tools/score-autofill.mjs. Issue 6: accuracy ≥ 0.98, zero wrong
// values, zero decoys touched, per fixture.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { liaisonSlots, type MatchSlot, slotsFromReference } from '@tianbao/autofill';
import { engineBundle } from '@tianbao/autofill/bundle';
import { getTemplate } from '@tianbao/templates';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, type TestContext, test } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../packages/cli/src/index.ts';
import { bundleApp } from './support/bundle-app.ts';
import { type StaticServer, serveStatic } from './support/serve-static.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(repo, '../shared');
const ownFixtures = join(repo, 'packages/autofill/fixtures');
const scoreScript = join(shared, 'tools/score-autofill.mjs');

interface Fixture {
  name: string;
  dir: string;
  base: 'shared' | 'own';
}
type Source = 'reference' | 'templates';
const fixturesIn = (dir: string, base: Fixture['base']): Fixture[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => existsSync(join(dir, d, 'truth.json')))
        // 本周 | 累计 pages need a log with dated entries, not test values: tests/period-fill.e2e.test.ts.
        .filter((d) => !readFileSync(join(dir, d, 'truth.json'), 'utf8').includes('"measure"'))
        // Forms shown step by step are filled by the panel as the person moves on: autofill-steps.e2e.test.ts.
        .filter((d) => !JSON.parse(readFileSync(join(dir, d, 'truth.json'), 'utf8')).steps)
        .sort()
        .map((d) => ({ name: d, dir: join(dir, d), base }))
    : [];
const fixtures = [...fixturesIn(join(shared, 'portals'), 'shared'), ...fixturesIn(ownFixtures, 'own')];

type Values = Record<string, number | string | boolean>;
/**
 * The slots a fill is given: built from the shared reference list (ids s<index>), or the built-in
 * template of @tianbao/templates that the extension will pass (stable ids); test values by slot index.
 */
async function templateFor(
  template: string,
  source: Source,
): Promise<{ slots: MatchSlot[]; values: Values }> {
  if (template === 'liaison') {
    const values = JSON.parse(readFileSync(join(shared, 'reference/liaison-values.json'), 'utf8')) as Values;
    const slots = source === 'templates' ? (getTemplate('liaison')?.slots ?? []) : liaisonSlots();
    return { slots, values };
  }
  const reference = JSON.parse(readFileSync(join(shared, `reference/${template}.json`), 'utf8'));
  const { testValues } = (await import(pathToFileURL(join(shared, 'tools/test-values.mjs')).href)) as {
    testValues: (r: unknown) => Record<string, number | string | boolean>;
  };
  const byIndex = testValues(reference);
  const slots: MatchSlot[] =
    source === 'templates' ? (getTemplate(template)?.slots ?? []) : slotsFromReference(reference);
  const values = Object.fromEntries(
    slots.flatMap((s) => (byIndex[String(s.index)] === undefined ? [] : [[s.id, byIndex[String(s.index)]]])),
  ) as Values;
  return { slots, values };
}

/** esbuild (and vue, layui, element-plus) are dev dependencies of the autofill package (tests/ cannot resolve them by name). */
const built = new Map<string, Promise<string>>();
/** Each app once per run: bundling Element Plus takes seconds, and an app is used by several tests. */
const buildApp = (entry: string): Promise<string> => {
  const app = built.get(entry) ?? bundleApp(entry);
  built.set(entry, app);
  return app;
};

let browser: Browser;
let servers: Record<Fixture['base'], StaticServer>;
let bundle: string;
let work: string;

beforeAll(async () => {
  bundle = await engineBundle();
  servers = { shared: await serveStatic(join(shared, 'portals')), own: await serveStatic(ownFixtures) };
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  work = mkdtempSync(join(tmpdir(), 'autofill-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await servers?.shared.close();
  await servers?.own.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('autofill engine on portal fixtures', () => {
  test('there are fixtures to score', () => {
    expect(fixtures.filter((f) => f.base === 'shared').length).toBeGreaterThanOrEqual(6);
    expect(fixtures.filter((f) => f.base === 'own').length).toBeGreaterThanOrEqual(2);
  });

  const cases = (['reference', 'templates'] as const).flatMap((source) =>
    fixtures.map((f) => [`${f.base}/${f.name} (${source})`, f, source] as const),
  );
  // Drawn comboboxes and date pickers wait on the kit's own rendering: among three other pages on CI's two
  // cores their popups came too late (three clean-clone runs each missed one such case), so they run alone.
  // Told by the app a fixture builds, not its name: element-plus-form's one el-date-picker was missed too.
  const drawn = (c: (typeof cases)[number]) => {
    const build = (JSON.parse(readFileSync(join(c[1].dir, 'truth.json'), 'utf8')) as { build?: string })
      .build;
    return (
      !!build && /\b(?:El)?(?:Select|DatePicker)\b|laydate/.test(readFileSync(join(c[1].dir, build), 'utf8'))
    );
  };
  // Each case is its own page of the one browser and mostly waits (settle, the 1.5 s the panel stays open):
  // several at once (the config's maxConcurrency) instead of 46 in a row. The test's own expect, as
  // concurrent tests need.
  const scoreCase = async (c: (typeof cases)[number], ctx: TestContext, attempt = 1): Promise<void> => {
    const [, fixture, source] = c;
    const { expect } = ctx;
    const truthPath = join(fixture.dir, 'truth.json');
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as {
      template: string;
      entry: string;
      build?: string;
    };
    const { slots, values } = await templateFor(truth.template, source);
    expect(slots.length, `no ${source} slots for ${truth.template}`).toBeGreaterThan(0);
    const page = await browser.newPage();
    let retry = false;
    try {
      // In every frame, like a content script with all_frames; the top frame's copy does the work.
      await page.addInitScript({ content: bundle });
      if (truth.build) {
        // A fixture written as an app (React): built here, served in place of its script.
        const app = await buildApp(join(fixture.dir, truth.build));
        await page.route(`**/${fixture.name}/${truth.build.replace(/\.tsx?$/, '.js')}`, (route) =>
          route.fulfill({ body: app, contentType: 'text/javascript; charset=utf-8' }),
        );
      }
      await page.goto(`${servers[fixture.base].url}${fixture.name}/${truth.entry}`, { waitUntil: 'load' });
      // As the side panel does: fill once the page settles, then keep watching for late controls.
      const run = await page.evaluate(
        async ({ slots, values }) => {
          const api = (window as unknown as { tianbaoAutofill: typeof import('@tianbao/autofill') })
            .tianbaoAutofill;
          await api.waitForSettle(document, { quietMs: 300, timeoutMs: 5000 });
          let last = api.autofill(document, slots, values);
          // Drawn comboboxes and date pickers are chosen in their popups after autofill() returns, one
          // at a time page-wide: as the panel does, the dump waits for them (each run's, 30 s at most).
          const picks = [last.report.done];
          let runs = 1;
          let lastRun = performance.now();
          const stop = api.watch(document, () => {
            last = api.autofill(document, slots, values);
            picks.push(last.report.done);
            runs++;
            lastRun = performance.now();
          });
          // Keep the panel "open" 1.5 s at least (late forms appear and get filled) and until 500 ms
          // after the last fill, 4 s at most.
          const started = performance.now();
          const busy = () => performance.now() - started < 1500 || performance.now() - lastRun < 500;
          while (busy() && performance.now() - started < 4000) {
            await new Promise((done) => setTimeout(done, 100));
          }
          stop();
          await Promise.race([Promise.all(picks), new Promise((done) => setTimeout(done, 30000))]);
          return {
            runs,
            fields: last.matches.length,
            filled: last.report.filled.length,
            notMatched: last.matches
              .filter((m) => m.status !== 'matched')
              .map((m) => `${m.field.key} ${m.status} ${m.slotId ?? '-'} ${m.confidence} ${m.reason}`),
          };
        },
        { slots, values },
      );
      const dumped = await page.evaluate(() =>
        (window as unknown as { tianbaoAutofill: typeof import('@tianbao/autofill') }).tianbaoAutofill.dump(
          document,
        ),
      );
      const dumpPath = join(work, `${fixture.base}-${fixture.name}-${source}.json`);
      writeFileSync(dumpPath, JSON.stringify(dumped));
      const out = execFileSync(process.execPath, [scoreScript, truthPath, dumpPath], { encoding: 'utf8' });
      console.log(
        `${fixture.base}/${fixture.name} (${source}): ${run.fields} fields, ${run.runs} runs\n${out}`,
      );
      if (run.notMatched.length) console.log(`  not matched:\n  ${run.notMatched.join('\n  ')}`);
      const m =
        /accuracy ([\d.]+) precision ([\d.]+) correct (\d+)\/(\d+) wrong (\d+) missed (\d+) decoys-touched (\d+)/.exec(
          out,
        );
      expect(m, out).not.toBeNull();
      const [, accuracy, , , total, wrong, , decoys] = (m as RegExpExecArray).map(Number);
      expect(total).toBeGreaterThan(0);
      expect(wrong, out).toBe(0);
      expect(decoys, out).toBe(0);
      // A drawn combobox whose popup the kit drew too late on CI's two busy cores is left 未填 (shown to the
      // person, never a wrong value: wrong and decoys are checked above on every load). Such a page gets
      // one more load; a miss that repeats fails.
      if ((accuracy ?? 0) < 0.98 && drawn(c) && attempt === 1) {
        console.log(
          `${fixture.base}/${fixture.name} (${source}): a miss on a drawn widget, loading it once more`,
        );
        retry = true;
        return;
      }
      expect(accuracy, out).toBeGreaterThanOrEqual(0.98);
    } finally {
      await page.close();
      if (retry) await scoreCase(c, ctx, 2);
    }
  };
  test.concurrent.for(cases.filter((c) => !drawn(c)))('%s', scoreCase);
  test.for(cases.filter(drawn))('%s', scoreCase);
});

// A kit that hides the select draws its own (layui): the scores above read the native select, but the
// person looks at the kit's widget, and the page's own code hears only clicks on the kit's items.
describe('a kit’s own select widget (real layui)', () => {
  test('shows the chosen 是 after the fill and its placeholder again after undo', async () => {
    const dir = join(ownFixtures, 'layui-form');
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { build: string };
    const { slots, values } = await templateFor('baodi-2021', 'reference');
    const page = await browser.newPage();
    try {
      await page.addInitScript({ content: bundle });
      const app = await buildApp(join(dir, truth.build));
      await page.route('**/layui-form/app.js', (route) =>
        route.fulfill({ body: app, contentType: 'text/javascript; charset=utf-8' }),
      );
      await page.goto(`${servers.own.url}layui-form/index.html`, { waitUntil: 'load' });
      // Strings, not functions: what the page runs is exactly what is written here.
      await page.waitForFunction('!!document.querySelector(".layui-form-select")');
      const shown = () =>
        page.evaluate(`({
          select: document.querySelector('[name=s6]').value,
          widget: document.querySelector('.layui-form-select .layui-select-title input').value,
          placeholder: document.querySelector('.layui-form-select .layui-select-title input').placeholder,
          radio: [...document.querySelectorAll('.layui-form-radio')].map((r) => r.classList.contains('layui-form-radioed')),
          events: window.layuiEvents ?? [],
        })`) as Promise<{
          select: string;
          widget: string;
          placeholder: string;
          radio: boolean[];
          events: string[];
        }>;
      await page.evaluate(
        `window.__fill = window.tianbaoAutofill.autofill(document, ${JSON.stringify(slots)}, ${JSON.stringify(values)})`,
      );
      const yes = values.s6 === true;
      const after = await shown();
      expect(after.select).toBe(yes ? '1' : '0');
      expect(after.widget).toBe(yes ? '是' : '否');
      expect(after.radio).toEqual(values.s41 === true ? [true, false] : [false, true]);
      expect(after.events).toContain(`select s6=${yes ? '1' : '0'}`);
      await page.evaluate('window.__fill.report.undo()');
      const undone = await shown();
      expect(undone.select).toBe('');
      expect([undone.widget, undone.placeholder]).toEqual(['', '请选择']);
    } finally {
      await page.close();
    }
  });
});
