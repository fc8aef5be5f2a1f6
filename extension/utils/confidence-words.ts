/**
 * How sure the engine is of an unsure match, in words a clerk can act on instead of 把握 68%: the word on
 * the row, and what it means on hover. A sure match (0.7 and up) that still waits has a doubt of its own
 * (another activity in the row, other words on the page); its reason says which.
 */
export interface ConfidenceWords {
  word: string;
  meaning: string;
  level: 'doubt' | 'fair' | 'low';
}

export function confidenceWords(confidence: number): ConfidenceWords {
  if (confidence >= 0.7)
    return {
      word: '有疑点',
      level: 'doubt',
      meaning: '说法与统计表相符，但有一处对不上（见下面的说明）。请在网页上核对，是这一项再勾选“确认填写”。',
    };
  if (confidence >= 0.5)
    return {
      word: '把握一般',
      level: 'fair',
      meaning: '页面上的说法与统计表这一项大体相符，但不能确定就是它。请核对，是这一项再勾选“确认填写”。',
    };
  return {
    word: '把握较低',
    level: 'low',
    meaning: '只有少数字词或位置相符，多半不是这一项。请核对；不是时用“更正”改为正确的项或“不填写此项”。',
  };
}
