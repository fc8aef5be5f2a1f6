import type { StyleSpec } from './adapter.ts';

/** 宋体 throughout: what staff expect on a printed government form, and present in Excel, WPS and LibreOffice. */
const FONT = '宋体';

/** Every style the workbooks use, defined once; cells refer to them by id. */
export const STYLES = {
  title: { font: { name: FONT, size: 16, bold: true }, align: { h: 'center', v: 'middle', wrap: true } },
  headerLine: { font: { name: FONT, size: 11 }, align: { h: 'left', v: 'middle' } },
  /** 「不完整：缺少 N 个下级单位」 above an incomplete roll-up: bold on a light red band. */
  warning: {
    font: { name: FONT, size: 14, bold: true },
    align: { h: 'center', v: 'middle', wrap: true },
    fill: 'FFFFD7D7',
  },
  /** The unit and date at the bottom right of a form, where the seal goes. */
  signature: { font: { name: FONT, size: 12 }, align: { h: 'right', v: 'middle' } },
  th: {
    font: { name: FONT, size: 11, bold: true },
    align: { h: 'center', v: 'middle', wrap: true },
    border: true,
  },
  group: {
    font: { name: FONT, size: 11, bold: true },
    align: { h: 'center', v: 'middle', wrap: true },
    border: true,
  },
  cell: {
    font: { name: FONT, size: 10.5 },
    align: { h: 'left', v: 'middle', wrap: true, indent: 1 },
    border: true,
  },
  center: { font: { name: FONT, size: 10.5 }, align: { h: 'center', v: 'middle', wrap: true }, border: true },
  number: { font: { name: FONT, size: 10.5 }, align: { h: 'right', v: 'middle' }, border: true },
  label: {
    font: { name: FONT, size: 11, bold: true },
    align: { h: 'center', v: 'middle', wrap: true },
    border: true,
    fill: 'FFF2F2F2',
  },
  /** Large ledger bodies: one plain shared style, no borders, so 100k rows stay cheap and readable. */
  body: { font: { name: FONT, size: 10.5 }, align: { v: 'top' } },
  bodyWrap: { font: { name: FONT, size: 10.5 }, align: { v: 'top', wrap: true } },
  plain: { font: { name: FONT, size: 10.5 } },
} satisfies Record<string, StyleSpec>;

export type StyleId = keyof typeof STYLES;

export const styled = (v: string | number | boolean | null, s: StyleId) => ({ v, s });
