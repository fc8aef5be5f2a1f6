// The engine's first run on a page costs about twice its later runs (measured on the 300-blank
// benchmark page: ~45 ms cold, ~23 ms once warm): V8 compiles and tunes its functions and regular
// expressions on first use. warmUp() pays that once, on a small form of our own in a detached
// document (no layout, no listeners, never part of the page), so the user's first fill is a warm one.
import { fill } from './fill.ts';
import { match } from './match.ts';
import { scanAll } from './scan.ts';
import { lendView } from './set-value.ts';
import type { FillValue, MatchSlot } from './types.ts';

const ROWS = ['宣传教育', '应急演练', '隐患排查'];

// Our own constant markup in the shapes portals use: labelled header fields, a grouped table with
// two blanks in a sentence, a 是/否 select and a 是/否 pair of boxes.
const MARKUP = `<form><p><label for="w-unit">填报单位：</label><input id="w-unit" name="unit">
<label>联系人：<input name="person"></label> 联系电话：<input type="tel" name="phone"></p>
<table><tr><th>类别</th><th>项目</th><th>完成情况</th></tr>
${ROWS.map(
  (item, r) =>
    `<tr>${r === 0 ? `<td rowspan="${ROWS.length}">重点活动</td>` : ''}<td>${item}</td>` +
    `<td>组织开展${item}<input name="a${r}" size="4">场，参与<input name="b${r}" size="4">人次</td></tr>`,
).join('')}
<tr><td>其他</td><td>是否成立专班</td><td><select name="s"><option value="">请选择</option><option>是</option><option>否</option></select></td></tr>
<tr><td>其他</td><td>是否印发方案</td><td><input type="checkbox" name="c" value="1">是 <input type="checkbox" name="c" value="0">否</td></tr>
</table><textarea name="note" placeholder="请输入工作亮点"></textarea></form>`;

const SLOTS: MatchSlot[] = [
  { id: 'unit', index: 0, kind: 'text', section: 'header', before: '填报单位', after: '' },
  { id: 'person', index: 1, kind: 'text', section: 'header', before: '联系人', after: '' },
  { id: 'phone', index: 2, kind: 'phone', section: 'header', before: '联系电话', after: '' },
  ...ROWS.flatMap((item, r): MatchSlot[] => [
    {
      id: `a${r}`,
      index: 3 + r * 2,
      kind: 'number',
      section: 'table',
      group: '重点活动',
      item,
      before: `组织开展${item}`,
      after: '场',
    },
    {
      id: `b${r}`,
      index: 4 + r * 2,
      kind: 'number',
      section: 'table',
      group: '重点活动',
      item,
      before: '参与',
      after: '人次',
    },
  ]),
  { id: 's', index: 9, kind: 'boolean', section: 'table', group: '其他', item: '是否成立专班', before: '' },
  { id: 'c', index: 10, kind: 'boolean', section: 'table', group: '其他', item: '是否印发方案', before: '' },
  { id: 'note', index: 11, kind: 'text', section: 'table', item: '工作亮点', before: '工作亮点' },
];

const VALUES: Record<string, FillValue> = {
  unit: '示例单位',
  person: '张三',
  phone: '0457-1234567',
  ...Object.fromEntries(
    ROWS.flatMap((_, r) => [[`a${r}`, r + 1] as const, [`b${r}`, 10 * (r + 1)] as const]),
  ),
  s: true,
  c: false,
  note: '示例',
};

/**
 * Runs scan, match, fill and undo once on a detached copy of a small portal form. Touches nothing in
 * `doc` itself (it only lends its DOM implementation). Returns how many controls the run filled, so a
 * test can tell the warm-up really went through the whole engine.
 */
export function warmUp(doc: Document = document): number {
  const scratch = doc.implementation.createHTMLDocument('');
  lendView(scratch, doc.defaultView);
  // Constant markup written above, never page text.
  scratch.body.innerHTML = MARKUP;
  const { fields } = scanAll(scratch, { frames: false, assumeVisible: true });
  const report = fill(match(fields, SLOTS), VALUES);
  report.undo();
  return report.filled.length;
}
