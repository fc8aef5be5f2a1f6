import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/**
 * The look of a Chinese official document (GB/T 9704): A4, 方正小标宋 title, 黑体 headings, 仿宋 body at 三号,
 * 28 pt line spacing. Every report of this package is built from these pieces, so a unit's papers look alike
 * and a person editing them in WPS or Word finds ordinary styles, not direct formatting.
 */
export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  table: '宋体',
} as const;

/** Half-points, as docx sizes are given: 二号 22 pt, 三号 16 pt, 小四 12 pt (tables, form lines), 五号 10.5 pt (form grids). */
const SIZE = { title: 44, body: 32, table: 24, form: 21, line: 24 } as const;
/** Twips (1/20 pt): the 28 pt line pitch of 公文 and an indent of two characters at 三号. */
const LINE = 560;
const INDENT = 640;
const MM = 56.7;

export interface DocumentProperties {
  title: string;
  /** Who the document is about (the unit); also the author in WPS/Word's properties. */
  creator: string;
  description?: string;
  /** Facts a reviewer can check later, e.g. generatedAt, the log's state; stored as custom properties. */
  custom?: Record<string, string>;
}

export const title = (text: string): Paragraph =>
  new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { after: LINE / 2, line: LINE },
    children: [new TextRun({ text, font: FONTS.title, size: SIZE.title })],
  });

/** 一、… headings (黑体) and （一）… subheadings (楷体), as 公文 numbers them. */
export const heading = (text: string, level: 1 | 2 = 1): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { line: LINE },
    indent: { firstLine: INDENT },
    children: [
      new TextRun({ text, font: level === 1 ? FONTS.heading : '楷体_GB2312', size: SIZE.body, bold: false }),
    ],
  });

export const paragraph = (text: string, opts: { indent?: boolean; align?: 'right' | 'center' } = {}) =>
  new Paragraph({
    spacing: { line: LINE },
    indent: opts.indent === false || opts.align ? undefined : { firstLine: INDENT },
    alignment:
      opts.align === 'right'
        ? AlignmentType.RIGHT
        : opts.align === 'center'
          ? AlignmentType.CENTER
          : undefined,
    children: [new TextRun({ text, font: FONTS.body, size: SIZE.body })],
  });

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A plain bordered table in 宋体 小四; the first row is the header and repeats on every page. */
export const table = (rows: readonly (readonly string[])[], widths?: readonly number[]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths ? [...widths] : undefined,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: cells.map(
            (text) =>
              new TableCell({
                borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                children: [
                  new Paragraph({
                    alignment: r === 0 ? AlignmentType.CENTER : undefined,
                    children: [new TextRun({ text, font: FONTS.table, size: SIZE.table, bold: r === 0 })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });

/** One cell of a form grid: a label (黑体, shaded, as printed forms set them apart) or a value; span > 1 merges. */
export interface FormCell {
  text: string;
  label?: boolean;
  span?: number;
}

/**
 * A form grid such as the 联络员推荐表: rows of label and value cells at a fixed height, centred, so the
 * printed form looks like the notice's and a handwritten correction still fits.
 */
export const formTable = (rows: readonly (readonly FormCell[])[], widths: readonly number[], height = 620) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [...widths],
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          height: { value: height, rule: 'atLeast' },
          children: cells.map(
            (c) =>
              new TableCell({
                columnSpan: c.span,
                verticalAlign: VerticalAlignTable.CENTER,
                // 1 mm each side (Word's default is 1.9 mm): the grid's narrow cells keep their text on one line.
                margins: { left: 57, right: 57 },
                shading: c.label ? { fill: 'F2F2F2', type: 'clear', color: 'auto' } : undefined,
                borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                children: [
                  new Paragraph({
                    alignment: c.span && c.span > 1 && !c.label ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [
                      new TextRun({
                        text: c.text,
                        font: c.label ? FONTS.heading : FONTS.table,
                        size: SIZE.form,
                      }),
                    ],
                  }),
                ],
              }),
          ),
        }),
    ),
  });

/** One A4 portrait (or landscape) document with 公文 margins. */
export function officialDocument(
  props: DocumentProperties,
  children: FileChild[],
  opts: { landscape?: boolean } = {},
): Document {
  return new Document({
    title: props.title,
    creator: props.creator,
    description: props.description,
    customProperties: Object.entries(props.custom ?? {}).map(([name, value]) => ({ name, value })),
    styles: {
      // Word's built-in heading styles are blue and Calibri; 公文 is black throughout.
      default: {
        document: { run: { font: FONTS.body, size: SIZE.body, color: '000000' } },
        title: { run: { font: FONTS.title, size: SIZE.title, color: '000000' } },
        heading1: { run: { font: FONTS.heading, size: SIZE.body, color: '000000', bold: false } },
        heading2: { run: { font: '楷体_GB2312', size: SIZE.body, color: '000000', bold: false } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: 210 * MM,
              height: 297 * MM,
              orientation: opts.landscape ? 'landscape' : 'portrait',
            },
            margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
          },
        },
        children,
      },
    ],
  });
}

/** The .docx bytes, in Node and in the browser alike. */
export async function docxBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The line above a form's table (填报单位（盖章）：…　联系人：…), at 小四 so it fits one line. */
export const formLine = (text: string) =>
  new Paragraph({
    spacing: { before: 120, after: 120 },
    children: [new TextRun({ text, font: FONTS.table, size: SIZE.line })],
  });

/** A paragraph that opens with a bold lead-in (「加强组织领导。」) followed by ordinary text. */
export const leadParagraph = (lead: string, text: string) =>
  new Paragraph({
    spacing: { line: LINE },
    indent: { firstLine: INDENT },
    children: [
      new TextRun({ text: lead, font: FONTS.body, size: SIZE.body, bold: true }),
      new TextRun({ text, font: FONTS.body, size: SIZE.body }),
    ],
  });

/**
 * 【请写明…】: a place the person must write themselves, highlighted so it is found and replaced before the
 * document is sealed. The tool never fills such a place with text of its own.
 */
export const prompt = (text: string) =>
  new Paragraph({
    spacing: { line: LINE },
    indent: { firstLine: INDENT },
    children: [new TextRun({ text, font: FONTS.body, size: SIZE.body, highlight: 'yellow' })],
  });
