import { describe, expect, test } from 'vitest';
import { chooseOption, pickOption } from './pick-option.ts';
import { page } from './test-dom.ts';

describe('chooseOption', () => {
  test('是/否 by meaning, text by the same words first', () => {
    expect(chooseOption(['是', '否'], true)).toEqual({ ok: true, text: '是' });
    expect(chooseOption(['有', '无'], false)).toEqual({ ok: true, text: '无' });
    expect(chooseOption(['文本4', '文本40', '文本14'], '文本4')).toEqual({ ok: true, text: '文本4' });
  });

  test('the only option containing the value, or none', () => {
    expect(chooseOption(['召开动员大会', '视频会议'], '视频')).toEqual({ ok: true, text: '视频会议' });
    expect(chooseOption(['召开动员大会', '视频会议'], '文本4')).toEqual({ ok: false, reason: 'no option' });
    expect(chooseOption(['是', '否'], '文本4')).toEqual({ ok: false, reason: 'no option' });
  });

  test('two options that fit equally are never chosen', () => {
    expect(chooseOption(['文本45（线上答题）', '文本45（线下展板）'], '文本45')).toEqual({
      ok: false,
      reason: 'ambiguous',
    });
    expect(chooseOption(['是', '是', '否'], true)).toEqual({ ok: true, text: '是' });
    expect(chooseOption(['是', '已开展', '否'], true)).toEqual({ ok: false, reason: 'ambiguous' });
  });
});

/**
 * An antd-like Select whose popup is open: a virtual list that draws 4 of the options (25 px rows in a
 * 100 px holder) for its scrollTop, `drawAfterMs` after each scroll event (never when null), and a click
 * on a row shows that option in the box.
 */
function virtualSelect(options: string[], drawAfterMs: number | null) {
  const doc = page(`<div class="ant-select"><span class="ant-select-selector">
    <input role="combobox" readonly aria-controls="list"></span></div>
    <div class="ant-select-dropdown"><div id="list" role="listbox"></div>
    <div class="rc-virtual-list-holder"><div class="rows"></div></div></div>`);
  const el = doc.querySelector('input') as HTMLInputElement;
  const holder = doc.querySelector('.rc-virtual-list-holder') as HTMLElement;
  const rows = doc.querySelector('.rows') as HTMLElement;
  let top = 0;
  Object.defineProperties(holder, {
    clientHeight: { get: () => 100 },
    scrollHeight: { get: () => options.length * 25 },
    scrollTop: {
      get: () => top,
      set: (v: number) => {
        top = Math.max(0, Math.min(v, options.length * 25 - 100));
      },
    },
  });
  const draw = () => {
    rows.replaceChildren(
      ...options.slice(Math.floor(top / 25), Math.floor(top / 25) + 4).map((text) => {
        const row = doc.createElement('div');
        row.className = 'ant-select-item-option';
        row.title = text;
        row.textContent = text;
        Object.defineProperty(row, 'offsetHeight', { get: () => 25 });
        row.addEventListener('click', () => {
          const shown = doc.createElement('span');
          shown.className = 'ant-select-selection-item';
          shown.title = text;
          doc.querySelector('.ant-select-selector')?.append(shown);
        });
        return row;
      }),
    );
  };
  draw();
  holder.addEventListener('scroll', () => {
    if (drawAfterMs !== null) doc.defaultView?.setTimeout(draw, drawAfterMs);
  });
  return el;
}

describe('pickOption in a virtual list', () => {
  const options = ['文本40', '视频会议', '召开动员大会', '线上答题', '展板', '文本4', '文本41', '其他'];

  test('reads every page as the list draws it, however late, and picks the exact option', async () => {
    const el = virtualSelect(options, 200);
    expect(await pickOption(el, '文本4')).toEqual({ ok: true, text: '文本4' });
  });

  test('a list that does not draw the scrolled-to rows is left unpicked, never given the near option', async () => {
    // Only 文本40 of the first rows fits 文本4: choosing among the rows seen would pick it.
    const el = virtualSelect(options, null);
    expect(await pickOption(el, '文本4')).toEqual({ ok: false, reason: 'no option' });
    expect(el.ownerDocument.querySelector('.ant-select-selection-item')).toBeNull();
  });
});
