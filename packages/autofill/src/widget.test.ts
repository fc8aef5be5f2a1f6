import { describe, expect, test } from 'vitest';
import { dump } from './dump.ts';
import { scan } from './scan.ts';
import { page } from './test-dom.ts';
import { shownChoice, widgetOf } from './widget.ts';

// Markup as Element Plus 2.14 and antd 6 render it (copied from the real kits in Chromium, trimmed).
const elSelect = (name: string, shown: string) => `<div class="el-select"><div class="el-select__wrapper">
  <div class="el-select__selection"><div class="el-select__selected-item el-select__input-wrapper is-hidden">
  <input type="text" name="${name}" class="el-select__input" role="combobox" readonly aria-haspopup="listbox"
  aria-controls="${name}-list" aria-expanded="false"></div>
  <div class="el-select__selected-item el-select__placeholder${shown ? '' : ' is-transparent'}"><span>${shown || '请选择'}</span></div>
  </div></div></div>`;
const antdSelect = (id: string, shown: string) => `<div class="ant-select ant-select-single">
  <div class="ant-select-content${shown ? ` ant-select-content-has-value" title="${shown}` : ''}">${shown || '<div class="ant-select-placeholder">请选择</div>'}
  <input id="${id}" readonly class="ant-select-input" role="combobox" aria-haspopup="listbox" type="text" value=""></div></div>`;
const elDate = (name: string, value: string) => `<div class="el-input el-date-editor el-date-editor--date">
  <div class="el-input__wrapper"><input class="el-input__inner" aria-haspopup="dialog" name="${name}" type="text"
  readonly role="combobox" value="${value}"></div></div>`;

describe('drawn widgets', () => {
  test('el-select and antd Select inputs are comboboxes, el-date-picker and laydate inputs date pickers', () => {
    const doc = page(`<label for="a">甲</label>${elSelect('a', '')}${antdSelect('b', '')}${elDate('c', '')}
      <input name="d" lay-key="1" readonly><input name="e" role="combobox" aria-haspopup="dialog"><input name="f">`);
    const kinds = Array.from(doc.querySelectorAll('input')).map((el) => widgetOf(el));
    expect(kinds).toEqual(['listbox', 'listbox', 'date', 'date', null, null]);
  });

  test('the shown choice is read from the kit, empty while only the placeholder shows', () => {
    const doc = page(
      `${elSelect('a', '')}${elSelect('b', '是')}${antdSelect('c', '')}${antdSelect('d', '文本4')}`,
    );
    const shown = Array.from(doc.querySelectorAll('input')).map((el) => shownChoice(el));
    expect(shown).toEqual(['', '是', '', '文本4']);
  });

  test('readonly comboboxes and date pickers are scanned (a plain readonly input is not)', () => {
    const doc = page(`<form><p>是否已做好保障 ${elSelect('b77', '')}</p><p>填报日期 ${elDate('tbrq', '')}</p>
      <p>合计人数 <input name="x" readonly></p></form>`);
    const fields = scan(doc, { assumeVisible: true });
    expect(fields.map((f) => [f.key.split('|').pop(), f.kind, f.widget])).toEqual([
      ['name:b77', 'select', 'listbox'],
      ['name:tbrq', 'date', 'date'],
    ]);
  });

  test('the dump gives a combobox its shown choice as value and a date picker its date as YYYY-MM-DD', () => {
    const doc = page(
      `${elSelect('b77', '否')}${antdSelect('q', '文本4')}${elDate('tbrq', '2020年06月13日')}${elDate('d2', '2020-06-13')}`,
    );
    const frame = 'http://127.0.0.1:8765/portal/index.html';
    const base = { frame, checked: false, shadow: false };
    expect(dump(doc).fields).toEqual([
      { ...base, name: 'b77', id: '', type: 'combobox', value: '否', text: '否' },
      { ...base, name: '', id: 'q', type: 'combobox', value: '文本4', text: '文本4' },
      { ...base, name: 'tbrq', id: '', type: 'text', value: '2020年06月13日', text: '2020-06-13' },
      { ...base, name: 'd2', id: '', type: 'text', value: '2020-06-13' },
    ]);
  });
});
