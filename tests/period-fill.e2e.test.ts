// 本周 | 累计 portal pages filled from a real log: `tianbao fill --log --period` scored column by column
// with the shared score tool, and the side panel's period choice (remembered per page) on such a page.
// The log has figures in the week before, the week itself (one on its last day, one deleted) and the week
// after, and a manual value on every blank: only the week's entries may reach 本周, only June 1 – June 14
// may reach 累计, and no total or manual value may reach either.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { exportUpdateFile, LogSession, MemoryStorage } from '@tianbao/core';
import { writeLogFile } from '@tianbao/core/node';
import { getTemplate } from '@tianbao/templates';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionSession,
  extensionWithAccess,
  joinLogThroughUi,
  launchWithExtension,
  runFill,
  tabIdOf,
} from '../packages/cli/src/index.ts';
import { SCREENSHOTS } from './support/extension-browser.ts';
import { type StaticServer, serveStatic } from './support/serve-static.ts';

const repo = resolve(import.meta.dirname, '..');
const shared = resolve(repo, '../shared');
const fixtures = join(repo, 'packages/autofill/fixtures');
const work = mkdtempSync(join(tmpdir(), 'tianbao-period-fill-'));
const run = promisify(execFile);

interface TruthField {
  frame: string;
  key: string;
  slot?: number;
  decoy?: boolean;
  measure?: 'period' | 'cumulative';
}
const truthOf = (name: string) =>
  JSON.parse(readFileSync(join(fixtures, name, 'truth.json'), 'utf8')) as {
    template: string;
    entry: string;
    fields: TruthField[];
  };

const week = (k: number) => 101 + k; // 6月9日 100+k, 6月14日 1
const total = (k: number) => 1001 + k; // plus 6月3日 900

async function periodLog(templateId: string): Promise<LogSession> {
  const t = getTemplate(templateId);
  if (!t) throw new Error(templateId);
  const numbers = t.slots.filter((s) => s.kind === 'number');
  const all = (f: (k: number) => number) =>
    Object.fromEntries(numbers.map((s) => [`${t.id}/${s.id}`, f(s.index)]));
  const s = await LogSession.create(new MemoryStorage(), {
    unitName: '某市市场监督管理局',
    campaign: '2020 安全生产月',
    templateIds: [t.id],
    user: '张三',
  });
  const log = s.log;
  log.addEntry({ date: '2020-06-03', title: '上周', contributions: all(() => 900) });
  log.addEntry({ date: '2020-06-09', title: '本周', contributions: all((k) => 100 + k) });
  log.addEntry({ date: '2020-06-14', title: '本周日', contributions: all(() => 1) });
  log.deleteEntry(log.addEntry({ date: '2020-06-10', title: '删掉的', contributions: all(() => 7000) }));
  log.addEntry({ date: '2020-06-15', title: '下周', contributions: all(() => 50000) });
  for (const slot of numbers) log.setManualValue(`${t.id}/${slot.id}`, 8888, '全活动合计');
  return s;
}

/** The shared score tool on one column: that column's controls as the truth, its figures as the values. */
function scoreColumn(name: string, dumpPath: string, measure: 'period' | 'cumulative') {
  const truth = truthOf(name);
  const fields = truth.fields.filter((f) => f.measure === measure || f.decoy);
  const truthPath = join(work, `${name}-${measure}-truth.json`);
  writeFileSync(truthPath, JSON.stringify({ ...truth, fields }));
  const values = Object.fromEntries(
    fields
      .filter((f) => f.slot !== undefined)
      .map((f) => [f.slot, measure === 'period' ? week(f.slot as number) : total(f.slot as number)]),
  );
  const valuesPath = join(work, `${name}-${measure}-values.json`);
  writeFileSync(valuesPath, JSON.stringify(values));
  const out = execFileSync(
    process.execPath,
    [join(shared, 'tools/score-autofill.mjs'), truthPath, dumpPath, '--values', valuesPath],
    { encoding: 'utf8' },
  );
  const m =
    /accuracy ([\d.]+) precision ([\d.]+) correct (\d+)\/(\d+) wrong (\d+) missed (\d+) decoys-touched (\d+)/.exec(
      out,
    );
  if (!m) throw new Error(out);
  return { out, accuracy: Number(m[1]), total: Number(m[4]), wrong: Number(m[5]), decoys: Number(m[7]) };
}

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(fixtures);
});
afterAll(async () => {
  await server?.close();
});

describe('tianbao fill --log --period on 本周 | 累计 pages', () => {
  it('liaoning-weekly-columns through the command line: both columns right, nothing else', async () => {
    const session = await periodLog('liaoning-market-2020');
    const file = join(work, 'liaoning.tianbao');
    await writeLogFile(session, file);
    const dump = join(work, 'liaoning-dump.json');
    const r = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repo, 'packages/cli/src/bin.ts'),
        'fill',
        '--url',
        `${server.url}liaoning-weekly-columns/index.html`,
        '--log',
        file,
        '--period',
        '2020-06-08..2020-06-14',
        '--out',
        dump,
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(r.stdout).toMatch(/^filled \d+/);
    for (const measure of ['period', 'cumulative'] as const) {
      const s = scoreColumn('liaoning-weekly-columns', dump, measure);
      expect(s.total, s.out).toBeGreaterThan(20);
      expect(s.wrong, s.out).toBe(0);
      expect(s.decoys, s.out).toBe(0);
      expect(s.accuracy, s.out).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('daxinganling-week-n (第2周 | 截至本周累计 | 备注): both columns right, 备注 untouched', async () => {
    const session = await periodLog('daxinganling-2020');
    const result = await runFill({
      url: `${server.url}daxinganling-week-n/index.html`,
      template: 'daxinganling-2020',
      log: exportUpdateFile(session.log),
      period: '2020-06-08..2020-06-14',
    });
    const dump = join(work, 'daxinganling-dump.json');
    writeFileSync(dump, JSON.stringify(result));
    for (const measure of ['period', 'cumulative'] as const) {
      const s = scoreColumn('daxinganling-week-n', dump, measure);
      expect(s.wrong, s.out).toBe(0);
      expect(s.decoys, s.out).toBe(0);
      expect(s.accuracy, s.out).toBeGreaterThanOrEqual(0.98);
    }
  });
});

describe('the side panel on a 本周 | 累计 page', () => {
  let s: ExtensionSession;
  let dashboard: Page;
  beforeAll(async () => {
    s = await launchWithExtension(extensionWithAccess([new URL(server.url).origin]));
    const session = await periodLog('daxinganling-2020');
    dashboard = await joinLogThroughUi(s, exportUpdateFile(session.log), '张三');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('fills the chosen week and its 累计, and remembers the choice for the page', async () => {
    const page = await s.context.newPage();
    const url = `${server.url}daxinganling-week-n/index.html`;
    await page.goto(url);
    const tabId = await tabIdOf(dashboard, page.url());
    const panel = await s.context.newPage();
    await panel.setViewportSize({ width: 400, height: 860 });
    await panel.goto(s.url(`sidepanel.html?tab=${tabId}`));
    const picker = panel.getByLabel('报送区间');
    await picker.waitFor();
    // The campaign (June 2020) is over: its last week is the current one until chosen otherwise.
    await expect.poll(() => picker.inputValue()).toBe('week:2020-06-29..2020-06-30');
    await picker.selectOption('week:2020-06-08..2020-06-14');
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: '栏按 6月8日—6月14日 填写' }).count())
      .toBe(1);
    await panel.getByRole('button', { name: '一键填报' }).click();
    await panel.locator('.fill-summary').waitFor();
    const T = getTemplate('daxinganling-2020');
    const numbers = (T?.slots ?? []).filter((x) => x.kind === 'number').map((x) => x.index);
    const got = await page.evaluate(
      (ks) =>
        ks.map((k) => [
          k,
          (document.getElementById(`w${k}`) as HTMLInputElement | null)?.value ?? null,
          (document.getElementById(`t${k}`) as HTMLInputElement | null)?.value ?? null,
          (document.getElementById(`bz${k}`) as HTMLInputElement | null)?.value ?? null,
        ]),
      numbers,
    );
    const onPage = got.filter((r) => r[1] !== null);
    expect(onPage.length).toBeGreaterThan(20);
    const right = onPage.filter(
      ([k, w, t, bz]) => w === String(week(k as number)) && t === String(total(k as number)) && bz === '',
    );
    expect(right.length / onPage.length).toBeGreaterThanOrEqual(0.98);
    expect(onPage.filter(([, w, t, bz]) => [w, t].includes('8888') || bz !== '')).toEqual([]);
    await panel.evaluate(() => scrollTo(0, 0));
    await panel.screenshot({ path: join(SCREENSHOTS, 'period-panel-01-filled.png') });
    // Another panel page for the same page: the week chosen for it comes back.
    const again = await s.context.newPage();
    await again.setViewportSize({ width: 400, height: 860 });
    await again.goto(s.url(`sidepanel.html?tab=${tabId}`));
    await expect.poll(() => again.getByLabel('报送区间').inputValue()).toBe('week:2020-06-08..2020-06-14');
  });
});
