// #18 finding 6: import-json takes ISO 8601 or epoch-ms times for every time field (or refuses naming the
// field), range-checks them, checks ids with the relay's pattern, caps text, and names record and field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { tianbao } from '../test-cli.ts';
import { logFromJson, logToJson, parseJsonRecords } from './log.ts';

const T = 'baodi-2021';
const n0 = `${T}/${getTemplate(T)?.slots.find((s) => s.kind === 'number')?.id}`;
const base = { unit: '宝坻区应急管理局', campaign: '2021 安全生产月', templates: [T] };
const e = (extra: object = {}) => ({
  date: '2021-06-02',
  title: '演练',
  contributions: { [n0]: 2 },
  ...extra,
});
const fromText = (text: string) => logFromJson(parseJsonRecords(text));
const from = (patch: object) => fromText(JSON.stringify({ ...base, ...patch }));

describe('import-json: times', () => {
  it('an ISO deletedAt deletes the entry, ISO createdAt/updatedAt are kept, epoch ms too', async () => {
    const s = await from({
      entries: [
        e({ title: '已删除', deletedAt: '2020-06-02T00:00:00Z', deletedBy: '王五' }),
        e({ title: '留下', createdAt: '2021-06-02T08:00:00+08:00', updatedAt: 1623000000000 }),
      ],
    });
    expect(s.log.listEntries().map((x) => x.title)).toEqual(['留下']);
    expect(s.log.statistics([n0])[0]?.value).toBe(2);
    const [deleted] = s.log.listEntries({ deleted: true });
    expect(deleted).toMatchObject({ deletedAt: Date.UTC(2020, 5, 2), deletedBy: '王五' });
    const kept = s.log.listEntries()[0];
    expect(kept).toMatchObject({ createdAt: Date.UTC(2021, 5, 2), updatedAt: 1623000000000 });
    // And the log exports and re-imports as it was.
    const again = await from(JSON.parse(JSON.stringify(logToJson(s.log))));
    expect(again.log.listEntries({ deleted: 'any' }).length).toBe(2);
  });

  it('refuses a time it cannot read or outside 2000–2099, naming record and field', async () => {
    const cases: [object, RegExp][] = [
      [{ entries: [e(), e({ createdAt: -1e20 })] }, /^entries\[1\]\.createdAt: is out of range/],
      [{ entries: [e({ createdAt: '2020-06-02T00:00' })] }, /^entries\[0\]\.createdAt: must be a time/],
      [{ entries: [e({ deletedAt: 'yesterday' })] }, /^entries\[0\]\.deletedAt: must be a time/],
      [{ entries: [e({ updatedAt: 1.5 })] }, /^entries\[0\]\.updatedAt: must be a time/],
      [{ entries: [e({ deletedBy: '王五' })] }, /^entries\[0\]\.deletedBy: is given without deletedAt/],
      [{ plans: [{ content: '宣传', deletedAt: '2020-02-30' }] }, /^plans\[0\]\.deletedAt: must be a time/],
      [{ values: { [n0]: { value: 3, at: 4e15 } } }, /^values\..*\.at: is out of range/],
    ];
    for (const [patch, re] of cases) await expect(from(patch), JSON.stringify(patch)).rejects.toThrow(re);
  });

  it('restores a manual value recorded without a reason (before reasons were required) as it was', async () => {
    const s = await from({ values: { [n0]: { value: 3, by: '王五' } } });
    expect(s.log.manualValues()[n0]).toMatchObject({ value: 3, reason: '', by: '王五' });
    // A person setting a value now must give one.
    expect(() => s.log.setManualValue(n0, 4, '')).toThrow(/a manual value needs a reason/);
  });

  it('a deleted plan stays deleted', async () => {
    const s = await from({ plans: [{ content: '宣传', deletedAt: 1623000000000 }, { content: '演练' }] });
    expect(s.log.listPlans().map((p) => p.content)).toEqual(['演练']);
  });
});

describe('import-json: ids, shapes, sizes', () => {
  it('refuses ids the relay would refuse, null records, __proto__ keys and huge names', async () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify({ ...base, unitId: '../../etc' }), /^unitId: must be 1–64 letters/],
      [JSON.stringify({ ...base, logId: 'x/../y' }), /^logId: must be/],
      [JSON.stringify({ ...base, logId: '..' }), /^logId: must be/],
      [JSON.stringify({ ...base, entries: [e({ id: '../x' })] }), /^entries\[0\]\.id: must be/],
      [JSON.stringify({ ...base, entries: [null] }), /^entries\[0\]: must be an object/],
      [JSON.stringify({ ...base, entries: {} }), /^entries: must be a list/],
      [
        `{"unit":"单位","campaign":"活动","templates":["${T}"],"entries":[{"date":"2021-06-02","title":"x","__proto__":{"a":1}}]}`,
        /^entries\[0\]\.__proto__: is not a known field/,
      ],
      [`{"unit":"单位","campaign":"活动","__proto__":{"x":1}}`, /^input\.__proto__: is not a known field/],
      [JSON.stringify({ ...base, unit: '单'.repeat(10_000_000) }), /^unit: is longer than 200 characters/],
      [JSON.stringify({ ...base, values: { [n0]: null } }), /^values\..*: must be an object/],
      [
        JSON.stringify({ ...base, values: { [n0]: { value: 2, color: 1 } } }),
        /^values\..*\.color: is not a known/,
      ],
      [JSON.stringify({ ...base, entries: [e({ createdBy: 'x'.repeat(101) })] }), /^entries\[0\]\.createdBy/],
    ];
    for (const [text, re] of cases) await expect(fromText(text), text.slice(0, 120)).rejects.toThrow(re);
  });

  it('the real command: non-zero exit, the record and field on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-import-json-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...base, entries: [e(), null] }));
    const r = await tianbao('log', 'import-json', file, '--out', join(dir, 'x.tianbao'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('entries[1]: must be an object');
  });
});

describe('import-json: numbers given as text (#15)', () => {
  it('are refused, never converted, and the message says what to write', async () => {
    const path = `entries[0].contributions.${n0}`;
    const cases: [unknown, string][] = [
      ['800', 'must be a number (a JSON number, not the text "800": write 800)'],
      ['1,200', 'must be a number (a JSON number, not the text "1,200": write 1200)'],
      ['８００', 'must be a number (a JSON number, not the text "８００": write 800)'],
      [
        '800余',
        'must be a number (a JSON number, not the text "800余", which is not an exact number; give the exact figure)',
      ],
      [
        '1,2',
        'must be a number (a JSON number, not the text "1,2", which has a comma where a thousands separator cannot be)',
      ],
    ];
    for (const [n, why] of cases)
      await expect(from({ entries: [e({ contributions: { [n0]: n } })] })).rejects.toThrow(`${path}: ${why}`);
  });

  it('dates are YYYY-MM-DD: 2021.6.2, 6月2日 and an Excel serial are refused, naming the field', async () => {
    for (const date of ['2021.6.2', '6月2日', '2021/6/2', 44349])
      await expect(from({ entries: [e({ date })] })).rejects.toThrow(/^entries\[0\]\.date: /);
  });
});
