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

  test('ordinary blanks are kept, including 参与总人数 (a slot, not a page total)', () => {
    expect(kept('<p>参与总人数<input name="a">人次</p><p>联系人：<input name="b"></p>')).toEqual(['a', 'b']);
  });
});
