/** Display width in Excel column units: CJK and full-width characters take about two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      c >= 0x2e80 || (c >= 0x2010 && c <= 0x2027 && c !== 0x2013) || c === 0x2611 || c === 0x25a1 ? 2 : 1.1;
  }
  return w;
}

/** Lines a wrapped cell needs at this column width (characters). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(4, width - 1.5);
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(textWidth(part) / usable));
  return lines;
}

/**
 * A row height (points) that shows every wrapped line. Written explicitly because Excel keeps the default
 * height for rows it did not lay out itself, which would cut the sentences off on paper.
 */
export function rowHeight(cells: { text: string; width: number }[], lineHeight = 14.5): number {
  const lines = cells.reduce((n, c) => Math.max(n, wrappedLines(c.text, c.width)), 1);
  return Math.min(409, Math.round(lines * lineHeight + 6));
}
