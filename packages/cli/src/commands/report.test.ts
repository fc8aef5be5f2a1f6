import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxText } from '@tianbao/reports/docx-text';
import { getTemplate } from '@tianbao/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { tianbao } from '../test-cli.ts';

const T = 'daxinganling-2020';
const template = getTemplate(T);
if (!template) throw new Error(`no template ${T}`);
const key = (before: string) => `${T}/${template.slots.find((s) => s.before === before)?.id}`;

describe('tianbao report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-cli-report-'));
  const log = join(dir, 'mohe.tianbao');

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'mohe.json'),
      JSON.stringify({
        unit: '漠河市应急管理局',
        campaign: '2020年安全生产月',
        templates: [T],
        profile: { name: '张三丰', officePhone: '0457-2712884', unitName: '漠河市应急管理局' },
        entries: [
          {
            date: '2020-06-05',
            title: '安全宣传进企业',
            location: '漠河林场',
            highlight: true,
            contributions: { [key('开展安全宣传进企业活动')]: 2 },
          },
          {
            date: '2020-06-08',
            title: '中心组学习',
            contributions: { [key('安排理论学习中心组专题学习')]: 1 },
          },
        ],
        plans: [{ time: '2020-06-16', place: '漠河市', content: '安全宣传咨询日', host: '市安委办' }],
      }),
    );
    const r = await tianbao('log', 'import-json', join(dir, 'mohe.json'), '--out', log);
    expect(r.status, r.stderr).toBe(0);
  });

  it('report summary writes the 总结 draft with the log’s figures', async () => {
    const out = join(dir, 'summary.docx');
    const r = await tianbao('report', 'summary', log, '--template', T, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已写入 ${out}：`);
    expect(r.stdout).toContain('2 个数字，取自 2 条活动');
    // The document's internal log state is nothing a clerk can use.
    expect(r.stdout).not.toMatch(/log state|[0-9a-f]{16}/);
    const text = await docxText(new Uint8Array(readFileSync(out)));
    expect(text).toContain('漠河市应急管理局2020年“安全生产月”和“安全生产兴安行”活动总结');
    expect(text).toContain('共开展安全宣传进企业活动2场');
    expect(text).toContain('共安排理论学习中心组专题学习1次');
    expect(text).toContain('（一）安全宣传进企业');
  });

  it('explains a missing file, an unknown table and a form that is not a statistics table', async () => {
    const out = join(dir, 'x.docx');
    const missing = await tianbao('report', 'summary', join(dir, 'nope.tianbao'), '--out', out);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.tianbao: no such file/);
    const unknown = await tianbao('report', 'summary', log, '--template', 'nope', '--out', out);
    expect(unknown.stderr).toMatch(/unknown template "nope"/);
    const form = await tianbao('report', 'summary', log, '--template', 'liaison', '--out', out);
    expect(form.stderr).toMatch(/not a statistics table/);
  });

  it('report plan writes the plan table as .docx or .xlsx; report liaison the liaison form', async () => {
    const docx = join(dir, 'plan.docx');
    const r1 = await tianbao('report', 'plan', log, '--out', docx, '--date', '2020-05-30');
    expect(r1.status, r1.stderr).toBe(0);
    const plan = await docxText(new Uint8Array(readFileSync(docx)));
    expect(plan).toContain('漠河市应急管理局“安全生产月”重点活动计划安排表');
    expect(plan).toContain('填报日期：2020年5月30日');
    const xlsx = join(dir, 'plan.xlsx');
    expect((await tianbao('report', 'plan', log, '--out', xlsx)).status).toBe(0);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(readFileSync(xlsx)).Sheets['重点活动计划安排表'] as XLSX.WorkSheet,
      { header: 1, defval: null },
    );
    expect(rows[3]?.slice(0, 5)).toEqual([1, '6月16日', '漠河市', '安全宣传咨询日', '市安委办']);
    expect((await tianbao('report', 'plan', log, '--out', join(dir, 'plan.pdf'))).stderr).toMatch(
      /give a \.docx or \.xlsx/,
    );
    const liaison = join(dir, 'liaison.docx');
    const r2 = await tianbao('report', 'liaison', log, '--out', liaison);
    expect(r2.status, r2.stderr).toBe(0);
    expect(r2.stdout).toContain(
      '联络员推荐表（张三丰）；以下空栏需手写：性别、职务、手机、传真、QQ号、微信号、电子邮箱、通信地址',
    );
    const text = await docxText(new Uint8Array(readFileSync(liaison)));
    expect(text.split('\n').slice(1, 3)).toEqual(['姓名', '张三丰']);
  });
});
