import { describe, expect, test } from 'vitest';
import { fill } from './fill.ts';
import { match } from './match.ts';
import { scan } from './scan.ts';
import { page } from './test-dom.ts';
import type { MatchSlot } from './types.ts';

const header = (id: string, before: string, kind: MatchSlot['kind'] = 'text'): MatchSlot => ({
  id,
  kind,
  section: 'header',
  before,
  after: '',
});
const input = (doc: Document, name: string) => doc.querySelector(`[name="${name}"]`) as HTMLInputElement;

describe('fill', () => {
  test('React-style value tracking sees the change: prototype setter, then input and change events', () => {
    const doc = page('<p>联系人：<input name="lxr"></p>');
    const el = input(doc, 'lxr');
    // What React does: an own `value` property records every assignment; onChange fires only when the
    // real value differs from the recorded one at the input event.
    const proto = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value') as PropertyDescriptor;
    let tracked = '';
    Object.defineProperty(el, 'value', {
      configurable: true,
      get() {
        return proto.get?.call(this);
      },
      set(v) {
        tracked = v;
        proto.set?.call(this, v);
      },
    });
    const seen: string[] = [];
    el.addEventListener('input', () => {
      if (el.value !== tracked) seen.push(`onChange ${el.value}`);
    });
    const events: string[] = [];
    for (const type of ['focus', 'input', 'change', 'blur']) {
      doc.addEventListener(type, (e) => events.push(`${type}${e.composed ? ' composed' : ''}`), true);
    }
    const report = fill(match(scan(doc), [header('h1', '联系人')]), { h1: '张三丰' });
    expect(el.value).toBe('张三丰');
    expect(seen).toEqual(['onChange 张三丰']);
    expect(events).toEqual(['focus composed', 'input composed', 'change composed', 'blur composed']);
    expect(report.filled).toEqual([{ key: '|name:lxr', slotId: 'h1', previous: '', value: '张三丰' }]);
  });

  test('是/否 as checkbox pair, radios and select; numbers as strings; dates for date inputs', () => {
    const doc = page(`
      <p>是否已建立工作机制：<input type="checkbox" name="a" id="ay">是<input type="checkbox" name="a" id="an">否</p>
      <p><span id="q">是否已做好保障</span><span role="radiogroup" aria-labelledby="q"><input type="radio" name="r" id="ry" value="1"><label for="ry">是</label><input type="radio" name="r" id="rn" value="0"><label for="rn">否</label></span></p>
      <p><label for="s">是否制定方案</label><select id="s"><option value="">请选择</option><option value="1">是</option><option value="0">否</option></select></p>
      <p>开展培训<input name="n">场</p>
      <p>填报日期：<input type="date" name="d"></p>`);
    const slots: MatchSlot[] = [
      { id: 'a', kind: 'boolean', section: 'table', item: 'x', before: '是否已建立工作机制', after: '' },
      { id: 'r', kind: 'boolean', section: 'table', item: 'x', before: '是否已做好保障', after: '' },
      { id: 's', kind: 'boolean', section: 'table', item: 'x', before: '是否制定方案', after: '' },
      { id: 'n', kind: 'number', section: 'table', item: 'x', before: '开展培训', after: '场' },
      header('d', '填报日期', 'date'),
    ];
    fill(match(scan(doc), slots), { a: true, r: false, s: true, n: 1012, d: '2020年6月3日' });
    const box = (id: string) => (doc.getElementById(id) as HTMLInputElement).checked;
    expect([box('ay'), box('an'), box('ry'), box('rn')]).toEqual([true, false, false, true]);
    const select = doc.getElementById('s') as HTMLSelectElement;
    expect(select.options[select.selectedIndex]?.text).toBe('是');
    expect(input(doc, 'n').value).toBe('1012');
    expect(input(doc, 'd').value).toBe('2020-06-03');
  });

  test('a 事项 | 是 | 否 table of radios with meaningless values: the column header names the answer', () => {
    const doc = page(`<table><tr><th>事项</th><th>是</th><th>否</th></tr>
      <tr><td>是否成立工作专班</td><td><input type="radio" name="q1" value="A"></td><td><input type="radio" name="q1" value="B"></td></tr>
      <tr><td>是否印发实施方案</td><td><input type="radio" name="q2" value="A"></td><td><input type="radio" name="q2" value="B"></td></tr></table>`);
    const slots: MatchSlot[] = [
      { id: 'b1', kind: 'boolean', section: 'table', item: '是否成立工作专班', before: '', after: '' },
      { id: 'b2', kind: 'boolean', section: 'table', item: '是否印发实施方案', before: '', after: '' },
    ];
    fill(match(scan(doc), slots), { b1: true, b2: false });
    const checked = Array.from(doc.querySelectorAll('input')).map((i) => (i as HTMLInputElement).checked);
    expect(checked).toEqual([true, false, false, true]);
  });

  test('only empty or previously autofilled controls, unless asked to overwrite', () => {
    const doc = page('<p>联系人：<input name="lxr" value="李四"> 电话：<input name="dh"></p>');
    const slots = [header('h1', '联系人'), header('h2', '电话', 'phone')];
    const first = fill(match(scan(doc), slots), { h1: '张三丰', h2: '13900001234' });
    expect(input(doc, 'lxr').value).toBe('李四');
    // Reported with what the page shows and what the log would put, so the person can choose.
    expect(first.skipped).toContainEqual({
      key: '|name:lxr',
      slotId: 'h1',
      reason: 'not empty',
      current: '李四',
      wanted: '张三丰',
    });
    // Our own earlier value may be replaced by a newer one.
    fill(match(scan(doc), slots), { h1: '张三丰', h2: '13900005678' });
    expect(input(doc, 'dh').value).toBe('13900005678');
    // A value the user typed over ours is theirs again.
    input(doc, 'dh').value = '0457-1234567';
    fill(match(scan(doc), slots), { h1: '张三丰', h2: '13900009999' });
    expect(input(doc, 'dh').value).toBe('0457-1234567');
    fill(match(scan(doc), slots), { h1: '张三丰', h2: '13900009999' }, { overwrite: true });
    expect([input(doc, 'lxr').value, input(doc, 'dh').value]).toEqual(['张三丰', '13900009999']);
  });

  test('replace: only the controls the person chose 覆盖 for; the same value is no difference', () => {
    const doc = page(`<p>联系人：<input name="lxr" value="李四"> 电话：<input name="dh" value="0457-1">
      单位：<input name="dw" value="应急管理局"></p>
      <p>是否已建立工作机制：<input type="checkbox" name="a" id="ay">是<input type="checkbox" name="a" id="an" checked>否</p>`);
    const slots: MatchSlot[] = [
      header('h1', '联系人'),
      header('h2', '电话', 'phone'),
      header('h3', '单位'),
      { id: 'a', kind: 'boolean', section: 'table', item: 'x', before: '是否已建立工作机制', after: '' },
    ];
    const values = { h1: '张三丰', h2: '139', h3: '应急管理局', a: true };
    const first = fill(match(scan(doc), slots), values);
    expect(first.filled).toEqual([]);
    expect(first.skipped.filter((x) => x.reason === 'not empty')).toEqual([
      { key: '|name:lxr', slotId: 'h1', reason: 'not empty', current: '李四', wanted: '张三丰' },
      { key: '|name:dh', slotId: 'h2', reason: 'not empty', current: '0457-1', wanted: '139' },
      { key: '|id:ay', slotId: 'a', reason: 'not empty', current: '否', wanted: '是' },
    ]);
    const second = fill(match(scan(doc), slots), values, { replace: ['|name:dh', '|id:ay'] });
    expect([input(doc, 'lxr').value, input(doc, 'dh').value, input(doc, 'dw').value]).toEqual([
      '李四',
      '139',
      '应急管理局',
    ]);
    expect((doc.getElementById('ay') as HTMLInputElement).checked).toBe(true);
    expect((doc.getElementById('an') as HTMLInputElement).checked).toBe(false);
    expect(second.skipped.filter((x) => x.reason === 'not empty').map((x) => x.key)).toEqual(['|name:lxr']);
    // 单位 already said what the log says: a person's answer, not ours to change later.
    fill(match(scan(doc), slots), { ...values, h3: '大兴安岭地区应急管理局' });
    expect(input(doc, 'dw').value).toBe('应急管理局');
  });

  test('undo puts back exactly what was there, boxes included', () => {
    const doc = page(`<p>联系人：<input name="lxr"> 电话：<input name="dh" value="0457-1"></p>
      <p>是否已建立工作机制：<input type="checkbox" name="a" id="ay">是<input type="checkbox" name="a" id="an" checked>否</p>`);
    const slots: MatchSlot[] = [
      header('h1', '联系人'),
      header('h2', '电话', 'phone'),
      { id: 'a', kind: 'boolean', section: 'table', item: 'x', before: '是否已建立工作机制', after: '' },
    ];
    const report = fill(match(scan(doc), slots), { h1: '张三丰', h2: '139', a: true }, { overwrite: true });
    expect(report.filled).toHaveLength(4);
    expect((doc.getElementById('ay') as HTMLInputElement).checked).toBe(true);
    report.undo();
    expect([input(doc, 'lxr').value, input(doc, 'dh').value]).toEqual(['', '0457-1']);
    expect([
      (doc.getElementById('ay') as HTMLInputElement).checked,
      (doc.getElementById('an') as HTMLInputElement).checked,
    ]).toEqual([false, true]);
  });

  test('unsure matches wait for confirmation', () => {
    const doc = page('<p>参与<input name="a">人次</p>');
    const slots: MatchSlot[] = [
      { id: 'x', kind: 'number', section: 'table', item: 'i', before: '参与', after: '人次' },
      { id: 'y', kind: 'number', section: 'table', item: 'i', before: '参与', after: '人次' },
    ];
    const matches = match(scan(doc), slots);
    expect(fill(matches, { x: 1, y: 2 }).skipped).toContainEqual({
      key: '|name:a',
      slotId: 'x',
      reason: 'unsure',
    });
    expect(input(doc, 'a').value).toBe('');
    fill(matches, { x: 1, y: 2 }, { confirmed: ['|name:a'] });
    expect(input(doc, 'a').value).toBe('1');
  });

  test('a kit that hides the real radio (layui): the drawn widget is clicked, the original ends checked', () => {
    const doc =
      page(`<div>是否使用科普平台：<input type="radio" name="p" id="p1" value="1" title="是" style="display:none"><div class="fake" id="f1">是</div>
      <input type="radio" name="p" id="p0" value="0" title="否" style="display:none"><div class="fake" id="f0">否</div>
      <input type="text" name="gone" style="display:none"></div>`);
    const clicked: string[] = [];
    for (const id of ['f1', 'f0']) {
      const fake = doc.getElementById(id) as HTMLElement;
      fake.addEventListener('click', () => {
        clicked.push(id);
        (fake.previousElementSibling as HTMLInputElement).checked = true;
      });
    }
    const fields = scan(doc);
    expect(fields.map((f) => f.control.id)).toEqual(['p1', 'p0']);
    const slots: MatchSlot[] = [
      { id: 'b', kind: 'boolean', section: 'table', item: 'x', before: '是否使用科普平台', after: '' },
    ];
    fill(match(fields, slots), { b: false });
    expect(clicked).toEqual(['f0']);
    expect((doc.getElementById('p0') as HTMLInputElement).checked).toBe(true);
  });

  test("focus: 'real' really focuses each control (for pages that read document.activeElement)", () => {
    const doc = page('<p>联系人：<input name="lxr"></p>');
    const el = input(doc, 'lxr');
    let active: Element | null = null;
    el.addEventListener('input', () => {
      active = doc.activeElement;
    });
    fill(match(scan(doc), [header('h1', '联系人')]), { h1: '张三丰' }, { focus: 'real' });
    expect(active).toBe(el);
    expect(doc.activeElement).not.toBe(el);
  });

  test('a text value picks the one select option that contains it, never a guess among several', () => {
    const doc =
      page(`<p><label for="g">性别</label><select id="g"><option value="">请选择</option><option value="1">男性</option><option value="2">女性</option></select></p>
      <p><label for="d">单位</label><select id="d"><option value="">请选择</option><option>漠河市应急管理局</option><option>塔河县应急管理局</option></select></p>`);
    const slots: MatchSlot[] = [header('gender', '性别'), header('unit', '单位')];
    const report = fill(match(scan(doc), slots), { gender: '男', unit: '应急管理局' });
    expect((doc.getElementById('g') as HTMLSelectElement).value).toBe('1');
    expect((doc.getElementById('d') as HTMLSelectElement).value).toBe('');
    expect(report.skipped).toContainEqual(expect.objectContaining({ slotId: 'unit', reason: 'ambiguous' }));
    // From then on the panel shows it as 需确认 with the reason, and confirming it still chooses nothing.
    const again = match(scan(doc), slots).find((m) => m.slotId === 'unit');
    expect(again?.status).toBe('unsure');
    expect(again?.reason).toContain('下拉框中不止一个选项与「应急管理局」相符');
    const confirmed = fill(
      match(scan(doc), slots),
      { unit: '应急管理局' },
      { confirmed: [again?.field.key ?? ''] },
    );
    expect((doc.getElementById('d') as HTMLSelectElement).value).toBe('');
    expect(confirmed.skipped).toContainEqual(
      expect.objectContaining({ slotId: 'unit', reason: 'ambiguous' }),
    );
  });

  test('a 0 the page itself put in a number blank counts as empty; a 0 typed over something else does not', () => {
    const doc = page('<p>开展培训<input name="a" value="0">场，发放资料<input name="b" value="5">份</p>');
    input(doc, 'b').value = '0';
    const slots: MatchSlot[] = [
      { id: 'a', kind: 'number', section: 'table', item: 'x', before: '开展培训', after: '场' },
      { id: 'b', kind: 'number', section: 'table', item: 'x', before: '发放资料', after: '份' },
    ];
    const report = fill(match(scan(doc), slots), { a: 12, b: 30 });
    expect([input(doc, 'a').value, input(doc, 'b').value]).toEqual(['12', '0']);
    report.undo();
    expect(input(doc, 'a').value).toBe('0');
  });

  test('a 是/否 select a kit hides: its own list item is clicked, so the widget and the page hear it', () => {
    // layui's markup: the native select hidden, a drawn title and a dl of items with lay-value.
    const doc = page(`<table><tr><td>使用全国安全宣教和应急科普平台</td><td>是/否</td><td>
      <select name="q" style="display:none"><option value="">请选择</option><option value="1">是</option><option value="0">否</option></select>
      <div class="kit-select"><div class="kit-title"><input readonly placeholder="请选择"></div>
      <dl><dd lay-value="">请选择</dd><dd lay-value="1">是</dd><dd lay-value="0">否</dd></dl></div></td></tr></table>`);
    const select = doc.querySelector('select') as HTMLSelectElement;
    const title = doc.querySelector('.kit-title input') as HTMLInputElement;
    const heard: string[] = [];
    doc.querySelector('dl')?.addEventListener('click', (e) => {
      const dd = (e.target as Element).closest('dd');
      if (!dd) return;
      select.value = dd.getAttribute('lay-value') ?? '';
      title.value = select.value ? (dd.textContent ?? '') : '';
      heard.push(`select ${select.value}`);
    });
    const slots: MatchSlot[] = [
      {
        id: 'q',
        kind: 'boolean',
        section: 'table',
        item: '使用全国安全宣教和应急科普平台',
        before: '使用全国安全宣教和应急科普平台',
        after: '',
      },
    ];
    const matches = match(scan(doc), slots);
    expect(matches.find((m) => m.field.key === '|name:q')).toMatchObject({ slotId: 'q', status: 'matched' });
    const report = fill(matches, { q: true });
    expect([select.value, title.value, heard]).toEqual(['1', '是', ['select 1']]);
    report.undo();
    expect([select.value, title.value, heard]).toEqual(['', '', ['select 1', 'select ']]);
  });
});
