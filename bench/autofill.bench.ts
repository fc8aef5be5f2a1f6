// Issue 6 benchmark, measured inside headless Chromium with performance.now():
// 1. a generated portal page with 300 blanks in a 50-row table: scan + match + fill (target < 50 ms),
//    on a fresh page where the engine was just injected and warmed up the way the content script does
//    it (warmUp() on its own scratch form, in idle time), and also fully cold, without that warm-up;
// 2. a 5,000-element page without any form: scan time and the longest main-thread task (target < 50 ms).

import { cpus, loadavg } from 'node:os';
import type { MatchSlot } from '@tianbao/autofill';
import { engineBundle } from '@tianbao/autofill/bundle';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../packages/cli/src/index.ts';
import { type BenchResult, below, info } from './result.ts';

const ROWS = 50;
const PER_ROW = 6;
const UNITS = ['场', '人次', '个', '篇', '次', '部'];
const VERBS = ['组织开展', '举办', '制作', '发布', '走访', '培训'];
const TOPICS = [
  '安全宣传',
  '应急演练',
  '隐患排查',
  '警示教育',
  '专题讲座',
  '执法检查',
  '志愿服务',
  '网络直播',
];

/** The page and its template: row r, blank k reads "<verb><topic r>…（ ）<unit>". */
function generated(): { html: string; slots: MatchSlot[]; values: Record<string, number> } {
  const slots: MatchSlot[] = [
    { id: 'h0', index: 0, kind: 'text', section: 'header', before: '填报单位', after: '' },
    { id: 'h1', index: 1, kind: 'text', section: 'header', before: '联系人', after: '' },
  ];
  const rows: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    const item = `第${r + 1}项：${TOPICS[r % TOPICS.length]}活动（${Math.floor(r / TOPICS.length) + 1}）`;
    const parts: string[] = [];
    for (let k = 0; k < PER_ROW; k++) {
      const before = `${VERBS[k]}${TOPICS[(r + k) % TOPICS.length]}${k % 2 ? '' : '专项'}`;
      const unit = UNITS[k] as string;
      slots.push({
        id: `r${r}b${k}`,
        index: slots.length,
        kind: 'number',
        section: 'table',
        group: '',
        item,
        before,
        after: unit,
      });
      parts.push(`${before}<input type="text" name="v${r}_${k}" size="4">${unit}`);
    }
    rows.push(`<tr><td>${item}</td><td>按要求开展活动并如实填报。</td><td>${parts.join('，')}。</td></tr>`);
  }
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<form><p>填报单位：<input name="dw"> 联系人：<input name="lxr"></p>
<table border="1"><tr><th>活动项目</th><th>内容要求</th><th>进展情况</th></tr>${rows.join('')}</table></form></body></html>`;
  const values = Object.fromEntries(slots.map((s, i) => [s.id, 1000 + i]));
  return { html, slots, values };
}

/** 5,000 elements of ordinary content: nav, articles, lists, a table, no form controls. */
function noForm(): string {
  const parts: string[] = [];
  let count = 0;
  while (count < 5000) {
    parts.push(
      `<article><h3>通知 ${count}</h3><p>关于开展<b>安全生产月</b>活动的<a href="#">通知</a>，请各单位认真落实。</p><ul><li>一</li><li>二</li><li>三</li></ul><table><tr><td>a</td><td>b</td></tr></table></article>`,
    );
    count += 13;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><nav><a href="#">首页</a></nav>${parts.join('')}</body></html>`;
}

type Api = typeof import('@tianbao/autofill');
type Values = Record<string, number>;

export default async function autofillBench(): Promise<BenchResult[]> {
  const bundle = await engineBundle();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const { html, slots, values } = generated();
    type Run = {
      warmUp: number;
      total: number;
      scan: number;
      match: number;
      fill: number;
      filled: number;
      warm: number;
      cpu: number;
    };
    const runs: Run[] = [];
    const coldRuns: Run[] = [];
    // Each run on a fresh page, as a content script meets a portal: no JIT warm-up from earlier runs.
    // Alternating the two modes so machine load drifts affect both alike.
    for (let i = 0; i < 14; i++) {
      const cold = i % 2 === 1;
      const page = await browser.newPage();
      await page.setContent(html);
      await page.addScriptTag({ content: bundle });
      // The content script's warm-up at injection; the user cannot press 一键填报 before the side panel
      // has drawn its rows (~0.56 s measured), so the measured run starts 0.5 s later in both modes.
      const warmUp = cold
        ? 0
        : await page.evaluate(() => {
            const t0 = performance.now();
            (window as unknown as { tianbaoAutofill: Api }).tianbaoAutofill.warmUp(document);
            return performance.now() - t0;
          });
      await page.waitForTimeout(500);
      // The user fills a page that is already on screen: let it render once before measuring.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
      // Main-thread CPU time as well: on a shared, loaded machine the in-page wall time includes waiting.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadTime = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ThreadTime')?.value ?? 0;
      // The slots travel to the page first, so the measured evaluate does nothing but the fill.
      await page.evaluate(({ slots, values }) => Object.assign(window, { benchInput: { slots, values } }), {
        slots,
        values,
      });
      const cpu0 = await threadTime();
      const measured = await page.evaluate(() => {
        const api = (window as unknown as { tianbaoAutofill: Api }).tianbaoAutofill;
        const { slots, values } = (
          window as unknown as { benchInput: { slots: MatchSlot[]; values: Values } }
        ).benchInput;
        const t0 = performance.now();
        const fields = api.scan(document);
        const t1 = performance.now();
        const matches = api.match(fields, slots);
        const t2 = performance.now();
        const report = api.fill(matches, values);
        const t3 = performance.now();
        Object.assign(window, { benchReport: report });
        return { total: t3 - t0, scan: t1 - t0, match: t2 - t1, fill: t3 - t2, filled: report.filled.length };
      });
      const cpu = ((await threadTime()) - cpu0) * 1000;
      // Again after undo: the side panel's "重新匹配" on the same page.
      const warm = await page.evaluate(() => {
        const w = window as unknown as {
          tianbaoAutofill: Api;
          benchReport: ReturnType<Api['fill']>;
          benchInput: { slots: MatchSlot[]; values: Values };
        };
        w.benchReport.undo();
        const w0 = performance.now();
        const api = w.tianbaoAutofill;
        api.fill(api.match(api.scan(document), w.benchInput.slots), w.benchInput.values);
        return performance.now() - w0;
      });
      (cold ? coldRuns : runs).push({ ...measured, warm, cpu, warmUp });
      await page.close();
    }
    const middle = (list: Run[], key: keyof Run) =>
      [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)] as Run;
    const median = middle(runs, 'total');
    const coldMedian = middle(coldRuns, 'total');
    const warm = middle(runs, 'warm');
    const correct = [...runs, ...coldRuns].every((r) => r.filled === slots.length);

    const page = await browser.newPage();
    await page.setContent(noForm());
    await page.addScriptTag({ content: bundle });
    const quiet = await page.evaluate(async () => {
      const api = (window as unknown as { tianbaoAutofill: Api }).tianbaoAutofill;
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      const elements = document.getElementsByTagName('*').length;
      // What the content script does on arrival, then the scans a panel would ask for.
      api.warmUp(document);
      await new Promise((r) => setTimeout(r, 20));
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        api.scan(document);
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      times.sort((a, b) => a - b);
      return { elements, scan: times[2] ?? 0, worst: times[4] ?? 0, longest };
    });

    return [
      below(
        'autofill 300 blanks',
        'scan+match+fill, fresh page, engine warmed up at injection (median of 7)',
        median.total,
        'ms',
        50,
        `scan ${median.scan.toFixed(1)} / match ${median.match.toFixed(1)} / fill ${median.fill.toFixed(1)} ms; ` +
          `${median.filled}/${slots.length} filled${correct ? '' : ' (NOT ALL, every run)'}; ` +
          `all runs: ${runs.map((r) => r.total.toFixed(0)).join(', ')} ms`,
      ),
      info(
        'autofill 300 blanks',
        'the warm-up itself, at injection in idle time (median)',
        middle(runs, 'warmUp').warmUp,
        'ms',
        'warmUp() on a 12-blank scratch form in a detached document; not on the click path',
      ),
      info(
        'autofill 300 blanks',
        'scan+match+fill, fresh page, fully cold: no warm-up (median of 7)',
        coldMedian.total,
        'ms',
        `scan ${coldMedian.scan.toFixed(1)} / match ${coldMedian.match.toFixed(1)} / fill ${coldMedian.fill.toFixed(1)} ms; ` +
          `all runs: ${coldRuns.map((r) => r.total.toFixed(0)).join(', ')} ms`,
      ),
      info('autofill 300 blanks', 'scan+match+fill again after undo (warm, median)', warm.warm, 'ms'),
      info(
        'autofill 300 blanks',
        'main-thread CPU of the measured run, warmed up (median)',
        middle(runs, 'cpu').cpu,
        'ms',
        `CDP ThreadTime around the measured evaluate (includes its own messaging, and any rendering); load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores while measuring`,
      ),
      below(
        'autofill no-form page',
        `scan of ${quiet.elements} elements (median)`,
        quiet.scan,
        'ms',
        50,
        `worst of 5: ${quiet.worst.toFixed(1)} ms`,
      ),
      below(
        'autofill no-form page',
        'longest main-thread task during warm-up and scans',
        quiet.longest,
        'ms',
        50,
        'PerformanceObserver longtask; 0 means no task over 50 ms',
      ),
    ];
  } finally {
    await browser.close();
  }
}
