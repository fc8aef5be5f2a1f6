import { describe, expect, it } from 'vitest';
import { TemplateImportError } from './errors.ts';
import { type ImportInput, importTable } from './import-table.ts';

const ROW = '开展安全生产宣传活动（ ）次，参与（ ）人次\t备注\n';

function refusal(input: ImportInput): TemplateImportError {
  try {
    importTable(input);
  } catch (err) {
    if (err instanceof TemplateImportError) return err;
    throw err;
  }
  throw new Error('the input was imported');
}

describe('pasted text and HTML past the limits are refused with the limit named', () => {
  it('refuses 20 MB of pasted text (it overflowed the stack in the table reader)', () => {
    const err = refusal({ kind: 'text', text: ROW.repeat(Math.ceil(20e6 / ROW.length)) });
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/the limit is 1,000,000/);
  });

  it('refuses 20 MB of pasted HTML', () => {
    const tr = '<tr><td>宣传</td><td>开展安全生产宣传活动（ ）次</td></tr>';
    const err = refusal({ kind: 'html', html: `<table>${tr.repeat(Math.ceil(20e6 / tr.length))}</table>` });
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/HTML is 2\d,\d{3},\d{3} characters; the limit is 5,000,000/);
  });

  it('refuses more than 5,000 rows, and more than 2,000 blanks, under the character limit', () => {
    expect(refusal({ kind: 'text', text: '宣传\n'.repeat(5001) }).message).toMatch(
      /5,001 rows; the limit is 5,000/,
    );
    const blanks = `附件\n统计表\n项目\t进展情况\n${'宣传\t开展（ ）次\n'.repeat(2001)}`;
    expect(refusal({ kind: 'text', text: blanks }).message).toMatch(/more than 2,000 blanks/);
  });

  it('reads a table of 1,000 rows of blanks (the limits leave room for real tables)', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `宣传${i}\t开展（ ）次`).join('\n');
    const { template } = importTable({ kind: 'text', text: `附件\n统计表\n项目\t进展情况\n${rows}` });
    expect(template.slots).toHaveLength(1000);
  });
});
