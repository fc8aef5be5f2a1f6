import { describe, expect, test } from 'vitest';
import { fieldKey } from './field-key.ts';
import { page } from './test-dom.ts';
import type { Control } from './types.ts';

const control = (doc: Document, selector: string) => doc.querySelector(selector) as Control;

describe('fieldKey', () => {
  test('name when unique, id when the name repeats, frame path first', () => {
    const doc = page(
      '<input name="t0_1"><input type="checkbox" name="t8_1" id="t8_1_1" value="是"><input type="checkbox" name="t8_1" id="t8_1_2" value="否">',
    );
    expect(fieldKey(control(doc, '[name=t0_1]'), '')).toBe('|name:t0_1');
    expect(fieldKey(control(doc, '#t8_1_2'), 'mainFrame')).toBe('mainFrame|id:t8_1_2');
  });

  test('generated ids (Element, React) fall back to a structural path from a stable id', () => {
    const doc = page(
      '<form id="report"><div><input id="el-id-1024-7"></div><div><input id=":r3:"></div></form>',
    );
    expect(fieldKey(control(doc, 'input'), '')).toBe('|path:#report/div:1/input:1');
    expect(fieldKey(control(doc, 'div:nth-of-type(2) input'), '')).toBe('|path:#report/div:2/input:1');
  });

  test('the same control gets the same key on every scan', () => {
    const html = '<table><tr><td><input></td><td><input></td></tr></table>';
    const a = page(html);
    const b = page(html);
    const keysA = Array.from(a.querySelectorAll('input')).map((el) => fieldKey(el, ''));
    const keysB = Array.from(b.querySelectorAll('input')).map((el) => fieldKey(el, ''));
    expect(keysA).toEqual(keysB);
    expect(new Set(keysA).size).toBe(2);
  });
});
