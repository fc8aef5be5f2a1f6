// Portal forms whose answers are chosen, not typed (issue 17): Element Plus el-select and el-date-picker,
// antd Select (virtual list) and DatePicker, layui select and laydate, each the real library. `tianbao fill`
// runs the built extension in Chromium (side panel, 一键填报), then the live page is dumped (a combobox's
// shown choice is its value in the dump) and scored with ../shared/tools/score-autofill.mjs: every blank
// filled, 0 wrong, 0 decoys touched, with and without confirming every 需确认 row; a select whose options
// name the value twice is left for the person (需确认), never chosen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type RunFillResult, runFill } from '../packages/cli/src/index.ts';
import { FIXTURE_DIR, fixtureSite, testValuesFor } from './support/fixture-site.ts';

const FIXTURES = ['element-plus-select', 'antd-select', 'layui-select-date'] as const;
const truthOf = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURE_DIR, name, 'truth.json'), 'utf8')) as {
    template: string;
    entry: string;
    build: string;
  };
const site = fixtureSite(FIXTURES.map((name) => [name, truthOf(name).build] as const));

function score(name: string, result: RunFillResult, tag: string) {
  const out = site.score(name, result, tag);
  const m =
    /accuracy ([\d.]+) precision [\d.]+ correct (\d+)\/(\d+) wrong (\d+) missed (\d+) decoys-touched (\d+)/.exec(
      out,
    );
  expect(m, out).not.toBeNull();
  const [, accuracy, correct, total, wrong, , decoys] = (m as RegExpExecArray).map(Number);
  console.log(`${name} (${tag}): ${out.trim()}; filled ${result.filled} unsure ${result.unsure}`);
  return { accuracy, correct, total, wrong, decoys, out };
}

/** What the dump says a control shows: a combobox's choice, a date picker's text, a select's option. */
const shown = (r: RunFillResult, key: string) => {
  const d = r.fields.find((f) => `name:${f.name}` === key || `id:${f.id}` === key);
  return d?.text ?? d?.value;
};

describe('tianbao fill on drawn comboboxes and date pickers (real kits, built extension)', () => {
  test.each(FIXTURES.map((f) => [f]))('%s', async (name) => {
    const truth = truthOf(name);
    const opts = {
      url: `${site.url}${name}/${truth.entry}`,
      template: truth.template,
      values: await testValuesFor(truth.template),
      extensionDir: site.extensionDir,
    };
    const sure = await runFill(opts);
    const a = score(name, sure, 'sure');
    expect(a.wrong, a.out).toBe(0);
    expect(a.decoys, a.out).toBe(0);
    expect(a.accuracy, a.out).toBe(1);
    // The select whose two options both name the value is shown as 需确认, not chosen.
    expect(sure.unsure).toBeGreaterThanOrEqual(1);
    const all = await runFill({ ...opts, confirmUnsure: true });
    const b = score(name, all, 'confirm-unsure');
    expect(b.wrong, b.out).toBe(0);
    expect(b.decoys, b.out).toBe(0);
    expect(b.accuracy, b.out).toBe(1);
    // What a person sees, read from each kit's own markup.
    if (name === 'element-plus-select') {
      expect([shown(sure, 'name:b74'), shown(sure, 'name:b75'), shown(sure, 'name:qdxs')]).toEqual([
        '是',
        '否',
        '文本4',
      ]);
      expect(sure.fields.find((f) => f.name === 'tbrq')?.value).toBe('2020年06月13日');
    } else if (name === 'antd-select') {
      expect([
        shown(sure, 'id:report_b84'),
        shown(sure, 'id:report_b85'),
        shown(sure, 'id:report_qdxs'),
      ]).toEqual(['是', '否', '文本4']);
      expect(sure.fields.find((f) => f.id === 'report_tbrq')?.value).toBe('2020-06-13');
    } else {
      expect([shown(sure, 'name:s6'), shown(sure, 'name:s41'), shown(sure, 'name:tbdw')]).toEqual([
        '是',
        '否',
        '文本0',
      ]);
      expect(sure.fields.find((f) => f.name === 'tbrq')?.value).toBe('2020年06月13日');
    }
  });
});
