import { describe, expect, test } from 'vitest';
import { extraActivity, pageRows } from './doubt.ts';
import { scan } from './scan.ts';
import { targetsOf } from './target.ts';
import { page } from './test-dom.ts';
import { grams } from './text.ts';

describe('pageRows', () => {
  test('rows that name activities vary; the title over everything is what every row says', () => {
    const rows = pageRows(
      targetsOf(
        scan(
          page(`<h1>进展情况统计表</h1><table>
          <tr><td>开展警示教育</td><td>观看<input name="a">场</td></tr>
          <tr><td>举办知识竞赛</td><td>举办<input name="b">场</td></tr>
          <tr><td>开展应急演练</td><td>演练<input name="c">场</td></tr></table>`),
        ),
      ),
    );
    expect(rows.vary).toBe(true);
    expect([...grams('进展情况统计表')].every((g) => rows.everywhere.has(g))).toBe(true);
    expect([...grams('警示教育')].some((g) => rows.everywhere.has(g))).toBe(false);
  });

  test('one heading over every blank names no row', () => {
    const rows = pageRows(
      targetsOf(scan(page('<h2>统计表</h2><p>观看<input name="a">场</p><p>举办<input name="b">场</p>'))),
    );
    expect(rows.vary).toBe(false);
  });
});

describe('extraActivity', () => {
  test('the last of an enumeration next to the blank, when the other side never names it', () => {
    expect(extraActivity('开展区域行和专题行', ['开展“区域行”'])).toBe('专题行');
    expect(extraActivity('开展区域行和专题行', ['区域行、专题行'])).toBe('');
  });

  test('a list closed by 等 gives examples, not one more thing counted', () => {
    expect(extraActivity('组织媒体报道集中攻坚重点任务进展情况、工作成效等', ['媒体报道攻坚进展'])).toBe('');
  });
});
