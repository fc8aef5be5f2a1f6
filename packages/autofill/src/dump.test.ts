import { describe, expect, test } from 'vitest';
import { dump } from './dump.ts';
import { page } from './test-dom.ts';

describe('dump', () => {
  test('every control in the README format, shadow roots and select text included', () => {
    const doc = page(`<input type="hidden" name="token" value="t"><input name="a" value="1012">
      <input type="checkbox" id="y" checked><select name="s"><option value="1">是</option><option value="0" selected>否</option></select>
      <x-host id="h"></x-host>`);
    const root = (doc.getElementById('h') as HTMLElement).attachShadow({ mode: 'open' });
    const inner = doc.createElement('textarea');
    inner.name = 'inner';
    inner.value = '文本';
    root.append(inner);
    const frame = 'http://127.0.0.1:8765/portal/index.html';
    expect(dump(doc).fields).toEqual([
      { frame, name: 'token', id: '', type: 'hidden', value: 't', checked: false, shadow: false },
      { frame, name: 'a', id: '', type: 'text', value: '1012', checked: false, shadow: false },
      { frame, name: '', id: 'y', type: 'checkbox', value: 'on', checked: true, shadow: false },
      { frame, name: 's', id: '', type: 'select-one', value: '0', checked: false, shadow: false, text: '否' },
      { frame, name: 'inner', id: '', type: 'textarea', value: '文本', checked: false, shadow: true },
    ]);
  });
});
