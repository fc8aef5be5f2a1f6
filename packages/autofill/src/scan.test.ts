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
