import { describe, expect, test } from 'vitest';
import { chooseOption } from './pick-option.ts';

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
