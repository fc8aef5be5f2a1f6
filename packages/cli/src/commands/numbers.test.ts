// #18 finding 5 through the real command: 1e308 and 2.5 场次 are refused by import-json; a sum past
// 999999999999, or a value an older version stored, is an error in `stats` and an empty cell in the
// exported workbook, never Infinity or NaN.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLogFile } from '@tianbao/core/node';
import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { tianbao } from '../test-cli.ts';
import { logFromJson } from './log.ts';

const T = 'baodi-2021';
const numberSlots = (getTemplate(T)?.slots ?? []).filter((s) => s.kind === 'number');
const [a, b] = numberSlots.map((s) => `${T}/${s.id}`) as [string, string];
const base = { unit: '宝坻区应急管理局', campaign: '2021 安全生产月', templates: [T] };
const entry = (title: string, n: number, key = a) => ({
  date: '2021-06-02',
  title,
  contributions: { [key]: n },
});

describe('counts past the rules (real CLI process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-numbers-'));

  it('import-json refuses 1e308 and 2.5 场次, naming record and field', async () => {
    for (const [n, why] of [
      [1e308, 'must be at most 999999999999'],
      [2.5, 'must be a whole number'],
    ] as const) {
      const file = join(dir, `bad-${n}.json`);
      writeFileSync(file, JSON.stringify({ ...base, entries: [entry('好', 1), entry('坏', n)] }));
      const r = await tianbao('log', 'import-json', file, '--out', join(dir, 'bad.tianbao'));
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`entries[1].contributions.${a}: ${why}`);
    }
  });

  it('a sum past the bound, and a stored 1e308, are errors in stats and empty cells in the xlsx', async () => {
    const big = 600_000_000_000;
    const session = await logFromJson({
      ...base,
      entries: [entry('大数一', big), entry('大数二', big), entry('旧数据', 1, b)],
    } as never);
    // What an older version (or a peer before #18) could store: 1e308 beside a valid entry.
    const log = session.log;
    const old = log.listEntries().find((e) => e.title === '旧数据');
    const shard = log.doc(`e${String(log.shardIndexOf(old?.id as string)).padStart(2, '0')}`);
    if (!shard) throw new Error('shard not loaded');
    const m = shard.getMap('entries').get(old?.id as string) as { set(k: string, v: unknown): void };
    log.addEntry(entry('另一条', 1, b));
    shard.transact(() => m.set(`c:${b}`, 1e308), { kind: 'remote' });
    const file = join(dir, 'big.tianbao');
    await writeLogFile(session, file);

    const text = await tianbao('stats', file);
    expect(text.status).toBe(1);
    // Lines start with the blank's 序号 (its index + 1), as in 指标明细.
    const number = (key: string) =>
      (getTemplate(T)?.slots.find((s) => `${T}/${s.id}` === key)?.index ?? -2) + 1;
    const line = (key: string) => text.stdout.split('\n').find((l) => l.startsWith(`${number(key)}\t`));
    expect(line(a)).toContain('（错误）');
    expect(line(a)).toContain('2 条活动合计 1200000000000 不能填入');
    expect(line(b)).toContain('（错误）');
    expect(text.stdout).not.toMatch(/Infinity|NaN/);
    expect(text.stderr).toContain(`error: 序号 ${number(a)} `);
    expect(text.stderr).toContain('the sum of 2 entries must be at most 999999999999');
    expect(text.stderr).not.toContain(a);
    const json = JSON.parse((await tianbao('stats', file, '--json')).stdout) as {
      key: string;
      value: unknown;
    }[];
    expect(json.find((s) => s.key === a)).toMatchObject({ value: null, error: expect.any(String) });

    const out = join(dir, 'big.xlsx');
    const r = await tianbao('export', file, '--template', T, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    for (const name of ['统计表', '指标明细']) {
      const cells = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1 });
      expect(JSON.stringify(cells)).not.toMatch(/Infinity|NaN/);
    }
    const detail = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['指标明细'] as XLSX.WorkSheet, {
      header: 1,
    });
    const row = detail.find((x) => x[7] === a);
    expect(row?.[5]).toBeUndefined();
    expect(String(row?.[6])).toContain('不能填入');
  }, 60_000);
});
