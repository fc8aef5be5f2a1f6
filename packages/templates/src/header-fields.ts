import type { SlotKind } from './schema.ts';
import { hash53 } from './stable-hash.ts';
import { normalizeInline } from './text-normalize.ts';

export interface HeaderFieldDraft {
  label: string;
  kind: SlotKind;
}

const FILLER = /[\s_\u3000＿]+/u;

/**
 * Reads a line such as `填报单位（盖章）：_____ 联系人：_____ 电话：_____` into its blank fields. Returns
 * null when the line has no label followed only by a colon and filler (so `注：请于…` is not a field line).
 */
export function parseHeaderFields(line: string): HeaderFieldDraft[] | null {
  const segments = line.split(/[：:]/u);
  if (segments.length < 2) return null;
  const fields: HeaderFieldDraft[] = [];
  let label = lastToken(segments[0] ?? '');
  for (let i = 1; i < segments.length; i++) {
    const tokens = tokensOf(segments[i] ?? '');
    const isLast = i === segments.length - 1;
    const valueTokens = isLast ? tokens : tokens.slice(0, -1);
    if (label && valueTokens.length === 0 && isFieldLabel(label))
      fields.push({ label, kind: headerKind(label) });
    label = isLast ? '' : (tokens[tokens.length - 1] ?? '');
  }
  return fields.length > 0 ? fields : null;
}

function tokensOf(text: string): string[] {
  return text.split(FILLER).filter((t) => t !== '');
}

function lastToken(text: string): string {
  const tokens = tokensOf(text);
  return normalizeInline(tokens[tokens.length - 1] ?? '');
}

function isFieldLabel(label: string): boolean {
  return label.length <= 16 && /[\u4E00-\u9FFF]/u.test(label) && !/^(注|备注|说明|附件)/u.test(label);
}

export function headerKind(label: string): SlotKind {
  if (/电话|手机|传真/u.test(label)) return 'phone';
  if (/日期|时间/u.test(label)) return 'date';
  return 'text';
}

/** Readable, stable ids for the usual header fields; a hash for anything else. */
export function headerSlotId(label: string): string {
  const bare = label.replace(/[（(][^）)]*[）)]/gu, '');
  if (/^(填报|报送|申报)?单位(名称)?$/u.test(bare)) return 'header-unit';
  if (/^(联系人|填报人|填表人)$/u.test(bare)) return 'header-contact';
  if (/^(联系)?电话$/u.test(bare)) return 'header-phone';
  if (/^(填报|填表)(日期|时间)$/u.test(bare)) return 'header-date';
  return `header-${hash53(label).toString(36).slice(-6)}`;
}
