import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTable } from './import-table.ts';
import { LIAISON_FIELDS } from './liaison.ts';

const shared = new URL('../../../../shared/', import.meta.url);

describe('tables whose blanks are empty cells', () => {
  it('reads a grid with a two-level merged header (HTML)', () => {
    const html = `<p>2024年应急演练情况统计表</p><p>填报单位：______ 填报日期：______</p>
      <table>
        <tr><td rowspan="2">类别</td><td rowspan="2">项目</td><td colspan="2">演练</td><td rowspan="2">覆盖率（%）</td><td rowspan="2">是否评估</td><td rowspan="2">备注</td></tr>
        <tr><td>场次</td><td>参与人数</td></tr>
        <tr><td rowspan="2">企业</td><td>危化品企业</td><td></td><td></td><td></td><td></td><td></td></tr>
        <tr><td>矿山企业</td><td></td><td></td><td>/</td><td></td><td></td></tr>
        <tr><td colspan="2">合计</td><td></td><td></td><td></td><td>/</td><td></td></tr>
      </table>`;
    const { template, warnings } = importTable(html, { id: 'yanlian-2024' });
    expect(warnings.some((w) => w.includes('empty cells'))).toBe(true);
    expect(template.title).toBe('2024年应急演练情况统计表');
    expect(template.slots.map((s) => [s.kind, s.unit, s.group, s.item, s.before])).toEqual([
      ['text', '', '', '', '填报单位'],
      ['date', '', '', '', '填报日期'],
      ['number', '场次', '企业', '危化品企业', '演练场次'],
      ['number', '人', '企业', '危化品企业', '演练参与人数'],
      ['percent', '%', '企业', '危化品企业', '覆盖率'],
      ['boolean', '', '企业', '危化品企业', '是否评估'],
      ['text', '', '企业', '危化品企业', '备注'],
      ['number', '场次', '企业', '矿山企业', '演练场次'],
      ['number', '人', '企业', '矿山企业', '演练参与人数'],
      ['boolean', '', '企业', '矿山企业', '是否评估'],
      ['text', '', '企业', '矿山企业', '备注'],
      ['number', '场次', '合计', '合计', '演练场次'],
      ['number', '人', '合计', '合计', '演练参与人数'],
      ['percent', '%', '合计', '合计', '覆盖率'],
      ['text', '', '合计', '合计', '备注'],
    ]);
  });

  it('reads a grid pasted as text, with counts named by their titles', () => {
    const text = [
      '单位\t宣传场次（场）\t参与人次\t发放资料（份）',
      '宣传进企业\t\t\t',
      '宣传进农村\t\t\t',
      '宣传进社区\t\t\t',
    ].join('\n');
    const { template } = importTable(text, { id: 'wujin' });
    expect(template.slots).toHaveLength(9);
    expect(template.slots.slice(0, 3).map((s) => [s.item, s.before, s.kind, s.unit])).toEqual([
      ['宣传进企业', '宣传场次', 'number', '场'],
      ['宣传进企业', '参与人次', 'number', '人次'],
      ['宣传进企业', '发放资料', 'number', '份'],
    ]);
    expect(template.columns).toEqual(['单位', '宣传场次（场）', '参与人次', '发放资料（份）']);
  });

  for (const [seed, start] of [
    ['000_4ca748d901212163.txt', '全区“安全生产月”活动联络员推荐表\n'],
    ['004_7cd73d9cfe9c13c8.txt', '全市工信系统“安全生产月”活动联络员推荐表\n\t'],
  ] as const) {
    it(`reads the liaison form of ${seed} as a liaison template keyed by profile fields`, () => {
      const text = readFileSync(new URL(`seeds/${seed}`, shared), 'utf8');
      const form = text.slice(text.lastIndexOf(start)).split(/\n\s*(?:注|附件)/u)[0] ?? '';
      const { template } = importTable(form);
      expect(template.kind).toBe('liaison');
      // Every field the form prints; 身份证号 is asked by portals, not printed on these forms.
      expect(template.slots.map((s) => s.id)).toEqual(
        LIAISON_FIELDS.map((f) => f.id).filter((id) => id !== 'idNumber'),
      );
      expect(template.slots.find((s) => s.id === 'mobile')?.kind).toBe('phone');
    });
  }

  it('reads another form as a statistics template with its own ids', () => {
    const text = '单位名称\t\t负责人\t\n开展活动次数\t\t覆盖率\t\n是否制定方案\t\t报送日期\t';
    const { template } = importTable(text);
    expect(template.kind).toBe('statistics');
    expect(template.slots.map((s) => [s.before, s.kind])).toEqual([
      ['单位名称', 'text'],
      ['负责人', 'text'],
      ['开展活动次数', 'number'],
      ['覆盖率', 'percent'],
      ['是否制定方案', 'boolean'],
      ['报送日期', 'date'],
    ]);
  });

  it('still refuses a table that is all filled in', () => {
    expect(() => importTable('单位\t场次\t人次\n宣传进企业\t3\t120\n宣传进农村\t2\t80')).toThrow(
      /no blanks/u,
    );
  });
});
