import { describe, expect, test } from 'vitest';
import { pageRows } from './doubt.ts';
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
