// Export of a 100,000-entry log with the Node (streaming) path of @tianbao/excel, against the same ledger
// rows written by SheetJS in the same run. Each writer runs in its own child process so peak memory is its
// own; the parent only collects the figures.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry, Plan, SlotStat } from '@tianbao/core';
import type { ExportInput } from '@tianbao/excel';
import { exportXlsx, exportXlsxToStream, LEDGER_HEADERS, slotKey } from '@tianbao/excel';
import { getTemplate } from '@tianbao/templates';
import * as XLSX from 'xlsx';
import { type BenchResult, info } from './result.ts';

const N = 100_000;
const MODES = ['exceljs', 'sheetjs', 'sheetjs-compressed', 'exceljs-bytes'] as const;
type Mode = (typeof MODES)[number];

interface Measured {
  mode: Mode;
  ms: number;
  bytes: number;
  peakRssMiB: number;
  peakHeapMiB: number;
}

const TITLES = [
  '安全宣传进企业',
  '应急演练',
  '理论学习中心组专题学习',
  '安全生产月启动仪式',
  '隐患排查整治',
  '安全知识竞赛',
];
const PLACES = ['加格达奇区', '漠河市', '塔河县', '呼玛县', '新林区', '松岭区'];

function input(): ExportInput {
  const template = getTemplate('daxinganling-2020');
  if (!template) throw new Error('built-in template daxinganling-2020 is missing');
  const numeric = template.slots.filter((s) => s.kind === 'number').map((s) => slotKey(template.id, s.id));
  const entries: Entry[] = [];
  const base = Date.UTC(2020, 5, 1);
  for (let i = 0; i < N; i++) {
    const contributions: Record<string, number> = {};
    for (let j = 0; j < 3; j++)
      contributions[numeric[(i * 7 + j * 13) % numeric.length] as string] = 1 + ((i + j) % 120);
    entries.push({
      id: `01HX${i.toString(36).padStart(10, '0')}`,
      date: `2020-06-${String(1 + (i % 30)).padStart(2, '0')}`,
      title: `${TITLES[i % TITLES.length]}（第${i + 1}场）`,
      kind: '宣传',
      location: `${PLACES[i % PLACES.length]}人民路${i % 200}号`,
      organizer: '大兴安岭地区应急管理局',
      partners: i % 3 ? '消防救援支队' : '',
      description: `组织干部职工和企业员工开展安全生产宣传教育活动，发放宣传资料${i % 500}份。`,
      contributions,
      attachments: [],
      createdBy: '张三',
      createdAt: base + i * 1000,
      updatedBy: '李四',
      updatedAt: base + i * 2000,
    });
  }
  const stats: SlotStat[] = numeric.map((key, i) => ({
    key,
    value: i * 10,
    source: 'sum',
    entryCount: 3,
    explanation: '',
  }));
  const plans: Plan[] = [];
  return {
    template,
    meta: {
      logId: 'bench',
      unitId: 'u',
      unitName: '大兴安岭地区应急管理局',
      campaign: '2020',
      templateIds: [],
      schemaVersion: 1,
    },
    profile: null,
    entries,
    plans,
    stats,
  };
}

/** The ledger as SheetJS gets it: the same columns, contributions per used slot. */
function ledgerRows(i: ExportInput): unknown[][] {
  const keys = [...new Set(i.entries.flatMap((e) => Object.keys(e.contributions)))];
  const time = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  const head = [...LEDGER_HEADERS, ...keys];
  const rows: unknown[][] = [head];
  for (const e of i.entries) {
    const r: unknown[] = [
      e.date,
      e.title,
      e.kind,
      e.location,
      e.organizer,
      e.partners,
      e.description,
      '',
      e.createdBy,
      time(e.createdAt),
      e.updatedBy,
      time(e.updatedAt),
      e.id,
    ];
    for (const k of keys) r.push(e.contributions[k] ?? null);
    rows.push(r);
  }
  return rows;
}

async function child(mode: Mode, dir: string): Promise<Measured> {
  const data = input();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const file = join(dir, `${mode}.xlsx`);
  const t0 = performance.now();
  if (mode === 'exceljs') {
    const out = createWriteStream(file);
    const done = new Promise<void>((resolve, reject) => out.on('close', () => resolve()).on('error', reject));
    await exportXlsxToStream(data, out);
    await done;
  } else if (mode === 'exceljs-bytes') {
    writeFileSync(file, await exportXlsx(data));
  } else {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(ledgerRows(data)), '活动台账');
    const buf = XLSX.write(wb, {
      type: 'buffer',
      bookType: 'xlsx',
      compression: mode === 'sheetjs-compressed',
    });
    writeFileSync(file, buf);
  }
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  return {
    mode,
    ms,
    bytes: statSync(file).size,
    peakRssMiB: peakRss / 2 ** 20,
    peakHeapMiB: peakHeap / 2 ** 20,
  };
}

function runChild(mode: Mode, dir: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, EXCEL_BENCH_CHILD: mode, EXCEL_BENCH_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (c: Buffer) => {
      out += c;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`${mode} child exited with ${code}`));
      else resolve(JSON.parse(line) as Measured);
    });
  });
}

if (process.env.EXCEL_BENCH_CHILD) {
  const m = await child(process.env.EXCEL_BENCH_CHILD as Mode, process.env.EXCEL_BENCH_DIR ?? tmpdir());
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

export default async function excelBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-excel-bench-'));
  try {
    // The machine is shared, so the two compared writers run alternately twice and each keeps its faster run;
    // the others run once.
    const runs: Measured[] = [];
    for (const mode of [
      'exceljs',
      'sheetjs',
      'exceljs',
      'sheetjs',
      'sheetjs-compressed',
      'exceljs-bytes',
    ] as Mode[]) {
      runs.push(await runChild(mode, dir));
    }
    const best = (mode: Mode) => runs.filter((m) => m.mode === mode).reduce((a, b) => (b.ms < a.ms ? b : a));
    const all = (mode: Mode) =>
      runs
        .filter((m) => m.mode === mode)
        .map((m) => Math.round(m.ms))
        .join(' / ');
    const r: Partial<Record<Mode, Measured>> = Object.fromEntries(MODES.map((m) => [m, best(m)]));
    const ex = r.exceljs as Measured;
    const sj = r.sheetjs as Measured;
    const sjz = r['sheetjs-compressed'] as Measured;
    const bytes = r['exceljs-bytes'] as Measured;
    const ratio = ex.ms / sj.ms;
    const ratioZ = ex.ms / sjz.ms;
    const mib = (b: number) => Math.round(b / 2 ** 20);
    return [
      info(
        'excel export 100k',
        'time (@tianbao/excel, streaming)',
        ex.ms,
        'ms',
        `all 6 sheets, ${mib(ex.bytes)} MiB file; runs ${all('exceljs')} ms`,
      ),
      info(
        'excel export 100k',
        'time (SheetJS, default: no zip compression)',
        sj.ms,
        'ms',
        `ledger sheet only, ${mib(sj.bytes)} MiB file; runs ${all('sheetjs')} ms`,
      ),
      info(
        'excel export 100k',
        'time (SheetJS, compression: true)',
        sjz.ms,
        'ms',
        `ledger sheet only, ${mib(sjz.bytes)} MiB file`,
      ),
      {
        name: 'excel export 100k',
        metric: 'ratio vs SheetJS default',
        value: ratio,
        unit: '×',
        target: '<= 1.0',
        met: ratio <= 1,
      },
      info('excel export 100k', 'ratio vs SheetJS compressed', ratioZ, '×'),
      info(
        'excel export 100k',
        'peak RSS (@tianbao/excel)',
        ex.peakRssMiB,
        'MiB',
        'includes the 100k generated entries',
      ),
      info('excel export 100k', 'peak heap (@tianbao/excel)', ex.peakHeapMiB, 'MiB'),
      info('excel export 100k', 'peak RSS (SheetJS default)', sj.peakRssMiB, 'MiB'),
      info('excel export 100k', 'peak heap (SheetJS default)', sj.peakHeapMiB, 'MiB'),
      info('excel export 100k', 'peak RSS (SheetJS compressed)', sjz.peakRssMiB, 'MiB'),
      info(
        'excel export 100k',
        'time (@tianbao/excel, in-memory bytes: browser/worker path)',
        bytes.ms,
        'ms',
        `peak RSS ${Math.round(bytes.peakRssMiB)} MiB, ${mib(bytes.bytes)} MiB file`,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
