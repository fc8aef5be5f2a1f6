// Controls the engine must never touch, whatever the match says.
import { inputType, isHidden, isInput, standIn } from './dom.ts';
import type { Control } from './types.ts';
import { widgetOf } from './widget.ts';

const NEVER_TYPES = new Set([
  'hidden',
  'password',
  'search',
  'submit',
  'button',
  'reset',
  'image',
  'file',
  'color',
  'range',
]);
const SEARCH = /search|keyword|^kw$|^wd$|^q$|sousuo|搜索|检索|站内|查询/i;
const CAPTCHA =
  /captcha|验证码|校验码|yzm|checkcode|check_code|vcode|verifycode|verify_code|randcode|validatecode|authcode|kaptcha/i;
const LOGIN = /^(user(name|id)?|login(name|id)?|account|passwd|pwd|uname|loginid|userid)$/i;
const LOGIN_LABEL = /用户名|账号|帐号|登录名|登陆名|密码|口令/;
const TOTAL_NAME = /(^|[_-])(total|sum|heji|hj|zongji|xiaoji)([_-]|\d|$)|^(total|sum)/i;
const TOTAL_LABEL = /^(合\s*计|总\s*计|小\s*计)/;
// A column (or box) of figures to compare with, not the ones reported: 上年同期, 计划数, 目标值 beside 本年 or
// 完成数. The statistics table asks only for what was done, so such a box gets nothing however well its row
// matches (its row's words are the same as the real box's).
const COMPARISON =
  /^(上年|去年|往年|上一年|上年度|上周|上月|上期)|^同期|^(计划|目标|预计|预期)(数|值|量|数量|完成数|完成量)?([（(][^）)]*[）)])?$/;
// A 备注 column is the page's room for remarks beside every row: no blank of the table is a remark.
const REMARK = /^(备\s*注|附\s*注|说\s*明)$/;

const attrs = (el: Control): string =>
  [el.name, el.id, el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.title]
    .filter(Boolean)
    .join(' ');

/** The cheap checks, before any context is read: types never filled, disabled, readonly. */
export function skipByType(el: Control): string | null {
  const type = inputType(el);
  if (NEVER_TYPES.has(type)) return `type ${type}`;
  if (el.disabled || el.matches(':disabled') || el.closest('fieldset[disabled]')) return 'disabled';
  // A kit's combobox or date picker is readonly to typing and takes its value through its popup.
  if ((isInput(el) || el.localName === 'textarea') && (el as HTMLInputElement).readOnly && !widgetOf(el))
    return 'readonly';
  return null;
}

/** Scopes known to hold a password field; short-lived (one scan), weakly held. */
let passwordScopes = new WeakMap<Element, boolean>();
export const resetSkipCache = () => {
  passwordScopes = new WeakMap();
};

/** Why a control must be left alone, or null when it may be filled. `label` is its best label text. */
export function skipReason(
  el: Control,
  label: string,
  around: { rowHeaders?: readonly string[]; colHeaders?: readonly string[]; assumeVisible?: boolean } = {},
): string | null {
  const { rowHeaders = [], colHeaders = [], assumeVisible = false } = around;
  const early = skipByType(el);
  if (early) return early;
  const type = inputType(el);
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true')
    return 'readonly';
  if (!assumeVisible && isHidden(el) && !standIn(el)) return 'hidden';
  const said = [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.title];
  if ([...colHeaders, ...said].some((h) => h && COMPARISON.test(h.trim()))) return 'comparison';
  if (colHeaders.some((h) => REMARK.test(h.trim()))) return 'remark';
  // Search, captcha and login fields are typed into; boxes and selects are never one of them.
  if (type === 'checkbox' || type === 'radio' || el.localName === 'select')
    return totalReason(el, label, rowHeaders);
  const own = attrs(el);
  if (el.closest('[role=search]')) return 'search';
  const form = el.form ?? el.closest('form');
  if (form && SEARCH.test(`${form.getAttribute('name') ?? ''} ${form.id} ${form.className}`)) return 'search';
  if (SEARCH.test(el.name) || SEARCH.test(el.id) || SEARCH.test(el.className) || /搜索|检索/.test(own)) {
    return 'search';
  }
  if (CAPTCHA.test(own) || CAPTCHA.test(label) || CAPTCHA.test(el.className)) return 'captcha';
  if (LOGIN.test(el.name) || LOGIN.test(el.id) || LOGIN_LABEL.test(label)) return 'login';
  // A form (or, without one, the control's surroundings) that asks for a password is a login form.
  const near = el.parentElement?.parentElement?.parentElement;
  const scope = form ?? (near && near.localName !== 'body' && near.localName !== 'html' ? near : null);
  if (scope) {
    let has = passwordScopes.get(scope);
    if (has === undefined) {
      has = !!scope.querySelector('input[type=password]');
      passwordScopes.set(scope, has);
    }
    if (has) return 'login';
  }
  return totalReason(el, label, rowHeaders);
}

function totalReason(el: Control, label: string, rowHeaders: readonly string[]): string | null {
  if (TOTAL_NAME.test(el.name) || TOTAL_NAME.test(el.id)) return 'total';
  if (TOTAL_LABEL.test(label.trim()) || rowHeaders.some((h) => TOTAL_LABEL.test(h.trim()))) return 'total';
  return null;
}
