import { describe, expect, test } from 'vitest';
import { scanAll } from './scan.ts';
import { page } from './test-dom.ts';

const reasons = (html: string) =>
  Object.fromEntries(
    scanAll(page(html)).skipped.map((s) => [s.control.getAttribute('name') || s.control.id, s.reason]),
  );
const kept = (html: string) =>
  scanAll(page(html)).fields.map((f) => f.control.getAttribute('name') || f.control.id);

describe('controls the engine never touches', () => {
  test('hidden, disabled, readonly, buttons and passwords', () => {
    const r = reasons(`
      <input type="hidden" name="token" value="x">
      <input name="gone" style="display:none">
      <div hidden><input name="inHidden"></div>
      <input name="off" disabled>
      <fieldset disabled><input name="offSet"></fieldset>
      <input name="ro" readonly value="12">
      <input type="button" name="btn" value="保存">
      <input type="submit" name="go">
      <input type="password" name="pw">`);
    expect(r).toMatchObject({
      token: 'type hidden',
      gone: 'hidden',
      inHidden: 'hidden',
      off: 'disabled',
      offSet: 'disabled',
      ro: 'readonly',
      btn: 'type button',
      go: 'type submit',
      pw: 'type password',
    });
  });

  test('search boxes', () => {
    const r = reasons(`
      <form class="search"><input name="kw1"></form>
      <div role="search"><input name="kw2"></div>
      <input type="search" name="kw3">
      <input name="keyword">
      <input name="x" placeholder="站内搜索">`);
    expect(Object.values(r)).toEqual(['search', 'search', 'type search', 'search', 'search']);
  });

  test('login forms and captcha', () => {
    const r = reasons(`
      <form><label for="u">用户名</label><input id="u" name="u"><input type="password" name="p"></form>
      <input name="username">
      <label for="c">验证码</label><input id="c" name="c">
      <input name="checkcode">`);
    expect(r).toMatchObject({ u: 'login', username: 'login', c: 'captcha', checkcode: 'captcha' });
  });

  test('totals the page computes', () => {
    const r = reasons(`
      <label for="t">合计</label><input id="t" name="t">
      <input name="hj_total">
      <table><tr><td>总计</td><td><input name="row"></td></tr></table>`);
    expect(r).toMatchObject({ t: 'total', hj_total: 'total', row: 'total' });
  });

  test('figures to compare with (上年同期, 计划数 columns, a box that says 上年同期) and a 备注 column', () => {
    const html = `
      <table>
        <tr><td rowspan="2">工作内容</td><td colspan="2">本年</td><td colspan="2">上年同期</td></tr>
        <tr><td>数量</td><td>人次</td><td>数量</td><td>人次</td></tr>
        <tr><td>开展警示教育</td><td><input name="n1"></td><td><input name="n2"></td>
          <td><input name="o1"></td><td><input name="o2"></td></tr>
      </table>
      <table>
        <tr><th>指标名称</th><th>计划数</th><th>完成数</th><th>单位</th><th>备注</th></tr>
        <tr><td>理论学习中心组学习</td><td><input name="plan"></td><td><input name="done"></td><td>次</td>
          <td><input name="note"></td></tr>
      </table>
      <p>刊发新闻报道<input name="now">篇 <input name="last" placeholder="上年同期"></p>`;
    expect(reasons(html)).toEqual({
      o1: 'comparison',
      o2: 'comparison',
      plan: 'comparison',
      note: 'remark',
      last: 'comparison',
    });
    expect(kept(html)).toEqual(['n1', 'n2', 'done', 'now']);
  });

  test('a plan or target named inside a row label is still a blank (重点活动计划, 计划安排)', () => {
    expect(
      kept(
        '<p>制定重点活动计划<input name="a">项</p><table><tr><th>计划安排落实</th></tr><tr><td><input name="b"></td></tr></table>',
      ),
    ).toEqual(['a', 'b']);
  });

  test('ordinary blanks are kept, including 参与总人数 (a slot, not a page total)', () => {
    expect(kept('<p>参与总人数<input name="a">人次</p><p>联系人：<input name="b"></p>')).toEqual(['a', 'b']);
  });
});
