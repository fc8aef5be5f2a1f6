/**
 * Text clean-up shared by every importer path. Word/WPS pastes break Chinese phrases with spaces and
 * line breaks (`举办“安全生产月” 活动`, `安全 生产 月 活动`); the reference lists drop those but keep
 * spaces next to Latin letters and digits (`观看安全体验馆 360 全景示范展示`).
 */

// CJK ideographs, CJK punctuation, full-width forms and the curly quotes / dashes used in Chinese text.
const CJK =
  '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u2018-\\u201D\\u2014\\u2026\\u00B7\\u25A1\\u2610';
const CJK_SPACE_CJK = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'gu');

/** Collapses whitespace (including U+3000) to single spaces, then removes spaces between two CJK characters. */
export function normalizeInline(text: string): string {
  return text
    .replace(/[\s\u3000\u00A0]+/gu, ' ')
    .replace(CJK_SPACE_CJK, '$1')
    .trim();
}

/** Like normalizeInline but keeps line breaks (paragraph boundaries of a cell). */
export function normalizeParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map(normalizeInline)
    .filter((line) => line !== '');
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
  times: '×',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Strips the HTML fragments that some converters leave inside plain-text cells (`<p>…</p>`,
 * `<input type="checkbox"/>`): paragraphs become line breaks, a checkbox becomes □ so 是/否 choices read
 * the same as in Word text.
 */
export function stripInlineHtml(text: string): string {
  if (!/[<&]/u.test(text)) return normalizeBoxes(text);
  return normalizeBoxes(
    decodeEntities(
      text
        .replace(/<input\b[^>]*type\s*=\s*["']?(?:checkbox|radio)["']?[^>]*>/giu, '□')
        .replace(/<\s*br\s*\/?>/giu, '\n')
        .replace(/<\/\s*(?:p|div|li|h[1-6])\s*>/giu, '\n')
        .replace(/<[a-z/!][^>]*>/giu, ''),
    ),
  );
}

/**
 * Word and WPS draw 是/否 boxes with many glyphs (☐, ▢, ○, Wingdings private-use characters such as U+F0A8);
 * all become □ so one rule reads them.
 */
export function normalizeBoxes(text: string): string {
  return text.replace(/[☐▢◻⬜○\uF0A3\uF0A8\uF06F\uF071\uF0FE]/gu, '□');
}
