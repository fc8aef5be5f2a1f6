import { describe, expect, it } from 'vitest';
import { confidenceWords } from './confidence-words';

describe('confidenceWords: 把握 said in words', () => {
  it('three levels, each with what it means and what to do, never a percentage', () => {
    expect(confidenceWords(0.82).word).toBe('有疑点');
    expect(confidenceWords(0.68).word).toBe('把握一般');
    expect(confidenceWords(0.5).word).toBe('把握一般');
    expect(confidenceWords(0.41).word).toBe('把握较低');
    for (const c of [0.9, 0.6, 0.3]) {
      const w = confidenceWords(c);
      expect(w.meaning).toMatch(/确认填写|更正/);
      expect(`${w.word}${w.meaning}`).not.toMatch(/\d+\s*%/);
    }
  });
});
