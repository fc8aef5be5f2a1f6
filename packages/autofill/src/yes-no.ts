// Which answer a checkbox, radio or select option stands for in a 是/否 question.
import { normalize } from './text.ts';

const YES = new Set(['是', '有', 'yes', 'y', 'true', '1', '√', '✓', '已', '同意', '已完成', '已开展']);
const NO = new Set([
  '否',
  '无',
  '没有',
  'no',
  'n',
  'false',
  '0',
  '×',
  '✗',
  '未',
  '不同意',
  '未完成',
  '未开展',
]);

export const yesNo = (text: string): 'yes' | 'no' | undefined => {
  const t = normalize(text).replace(/[□☐■☑。.，,；;]/g, '');
  return YES.has(t) ? 'yes' : NO.has(t) ? 'no' : undefined;
};

/**
 * A text that only says the answer is yes or no (是/否, （是/否）, 有/无, □是□否): a 填写方式 column
 * between a question and its select or radios, not the question's words.
 */
export const answerFormat = (text: string): boolean =>
  /^(是否|有无)$/.test(normalize(text).replace(/[/／|、□☐或\s]/g, ''));
