import { describe, expect, test } from 'vitest';
import { page } from './test-dom.ts';
import { warmUp } from './warm-up.ts';

describe('warmUp', () => {
  test('runs the whole engine on its own detached form and leaves the page alone', () => {
    const doc = page('<p>联系人：<input name="lxr" value=""></p>');
    const before = doc.body.innerHTML;
    const events: string[] = [];
    for (const type of ['focus', 'focusin', 'input', 'change', 'blur', 'focusout'])
      doc.addEventListener(type, () => events.push(type), true);
    // Every blank of the warm-up form is matched and filled (3 header fields, 6 table blanks, the 是/否
    // select, one box of the pair, the textarea), so the warm-up reaches scan, match and fill alike.
    expect(warmUp(doc)).toBe(12);
    expect(doc.body.innerHTML).toBe(before);
    expect(events).toEqual([]);
  });
});
