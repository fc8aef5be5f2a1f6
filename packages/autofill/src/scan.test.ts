import { describe, expect, test } from 'vitest';
import { scan } from './scan.ts';
import { page } from './test-dom.ts';

describe('scan', () => {
  test('controls in open shadow roots, in document order, flagged and keyed under their host', () => {
    const doc = page(
      '<p>填报单位：<input name="dw"></p><x-form id="liaison"></x-form><p>备注<textarea name="bz"></textarea></p>',
    );
    const host = doc.getElementById('liaison') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    const label = doc.createElement('label');
    label.textContent = '姓名';
    label.htmlFor = 'xm';
    const input = doc.createElement('input');
    input.id = 'xm';
    input.name = 'xm';
    root.append(label, input);
    const fields = scan(doc);
    expect(fields.map((f) => f.control.getAttribute('name'))).toEqual(['dw', 'xm', 'bz']);
    const xm = fields[1];
    expect(xm).toMatchObject({ shadow: true, label: '姓名', key: '|#liaison|name:xm' });
  });

  test('是/否 radios in web components: each component its own question, asked by the cell before it or by the words slotted into it', () => {
    const doc = page(
      '<table><tr><td>是否已建立工作机制</td><td><yes-no id="a"></yes-no></td></tr>' +
        '<tr><td>是否已做好保障</td><td><yes-no id="b"></yes-no></td></tr>' +
        '<tr><td colspan="2"><yes-no id="c"><span slot="q">是否已制定路线图</span></yes-no></td></tr></table>',
    );
    for (const id of ['a', 'b', 'c']) {
      const root = (doc.getElementById(id) as HTMLElement).attachShadow({ mode: 'open' });
      for (const word of ['是', '否']) {
        const label = doc.createElement('label');
        const input = doc.createElement('input');
        input.type = 'radio';
        input.name = 'v'; // every instance names its radios alike
        input.value = word;
        label.append(input, word);
        root.append(label);
      }
    }
    const fields = scan(doc);
    expect(fields.map((f) => [f.choice, f.before || f.leading])).toEqual([
      ['yes', '是否已建立工作机制'],
      ['no', '是否已建立工作机制'],
      ['yes', '是否已做好保障'],
      ['no', '是否已做好保障'],
      ['yes', '是否已制定路线图'],
      ['no', '是否已制定路线图'],
    ]);
    expect(new Set(fields.map((f) => f.group)).size).toBe(3);
  });

  test('a kit’s label drawn around a hidden radio (circle, 是, radio last): the radio is kept, the question is the cell before', () => {
    const fields = scan(
      page(
        '<table><tr><td>是否已做好保障</td><td>' +
          '<label class="kit"><i></i>是<input type="radio" name="q" value="Y" style="display:none"></label>' +
          '<label class="kit"><i></i>否<input type="radio" name="q" value="N" style="display:none"></label></td></tr></table>',
      ),
    );
    expect(fields.map((f) => [f.choice, f.before || f.leading])).toEqual([
      ['yes', '是否已做好保障'],
      ['no', '是否已做好保障'],
    ]);
  });

  test('late controls are found by scanning again (see settle for watching)', () => {
    const doc = page('<div id="app">加载中…</div>');
    expect(scan(doc)).toHaveLength(0);
    (doc.getElementById('app') as HTMLElement).innerHTML = '<label for="a">联系人</label><input id="a">';
    expect(scan(doc)).toHaveLength(1);
  });

  test('是/否 checkbox pairs share one group and the question', () => {
    const fields = scan(
      page(
        '<td>是否已建立工作机制，明确责任人：<input type="checkbox" name="q1" id="q1y" value="是">是 <input type="checkbox" name="q1" id="q1n" value="否">否<br>' +
          '是否已做好保障：<input type="checkbox" id="q2y">是<input type="checkbox" id="q2n">否</td>',
      ),
    );
    expect(fields.map((f) => [f.control.id, f.choice])).toEqual([
      ['q1y', 'yes'],
      ['q1n', 'no'],
      ['q2y', 'yes'],
      ['q2n', 'no'],
    ]);
    expect(fields[0]?.group).toBe(fields[1]?.group);
    expect(fields[2]?.group).toBe(fields[3]?.group);
    expect(fields[0]?.group).not.toBe(fields[2]?.group);
    expect(fields[1]?.before).toBe('是否已建立工作机制，明确责任人');
    expect(fields[3]?.before).toBe('是否已做好保障');
  });

  test('radios by name; the radiogroup label is the question, their own labels the options', () => {
    const fields = scan(
      page(
        '<span id="q">是否制定宣传报道方案</span><span role="radiogroup" aria-labelledby="q">' +
          '<input type="radio" name="r" id="r1" value="1"><label for="r1">是</label>' +
          '<input type="radio" name="r" id="r0" value="0"><label for="r0">否</label></span>',
      ),
    );
    expect(fields.map((f) => [f.option, f.choice, f.label])).toEqual([
      ['是', 'yes', '是否制定宣传报道方案'],
      ['否', 'no', '是否制定宣传报道方案'],
    ]);
  });

  test('layui-style radios named by title, boxes named by value', () => {
    const fields = scan(
      page(
        '<div>是否使用科普平台<input type="radio" name="p" value="1" title="是"><input type="radio" name="p" value="0" title="否"></div>' +
          '<div>已开展演练<input type="checkbox" name="c" value="是"></div>',
      ),
    );
    expect(fields.map((f) => [f.option, f.choice])).toEqual([
      ['是', 'yes'],
      ['否', 'no'],
      ['是', 'yes'],
    ]);
  });
});
