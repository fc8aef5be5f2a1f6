import { describe, expect, test } from 'vitest';
import { highlight } from './highlight.ts';
import { match } from './match.ts';
import { scan } from './scan.ts';
import { page } from './test-dom.ts';

describe('highlight', () => {
  test('draws in its own shadow root, leaves portal elements unstyled, removes itself', () => {
    const doc = page('<p>联系人：<input name="lxr" style="width: 100px"></p>');
    const matches = match(scan(doc), [
      { id: 'h1', kind: 'text', section: 'header', before: '联系人<b>', after: '' },
    ]);
    const remove = highlight(matches);
    const host = doc.querySelector('tianbao-highlight');
    expect(host).not.toBeNull();
    expect(doc.querySelector('[name=lxr]')?.getAttribute('style')).toBe('width: 100px');
    expect(doc.querySelectorAll('b')).toHaveLength(0);
    remove();
    expect(doc.querySelector('tianbao-highlight')).toBeNull();
  });
});
