import { liaisonTemplate, PROFILE_LABEL } from '@tianbao/templates';
import { chinaDay, dateText } from './names.ts';
import {
  docxBytes,
  type FormCell,
  formTable,
  officialDocument,
  paragraph,
  title,
} from './official-document.ts';
import { type UnitFormInput, unitOf } from './plan-table.ts';

/** Twips across an A4 portrait page inside the 公文 margins (210 − 28 − 26 mm). */
const PORTRAIT_WIDTH = Math.round(156 * 56.7);
/**
 * Millimetres of each column: labels (办公电话, 微信号, 电子邮箱) as narrow as their words allow, so the value
 * columns hold a phone such as 0457-2712884, an 11-digit mobile and an e-mail address on one line; in
 * LibreOffice (whose stand-in for 宋体 has wider digits than Word's) they wrapped at 30 mm.
 */
const SHARES = [19, 33, 16, 30, 19, 39];

/** The 联络员推荐表 grid as the seed notices print it: three rows of three pairs, then 单位名称 and 通信地址. */
export function liaisonRows(input: Pick<UnitFormInput, 'unitName' | 'profile'>): FormCell[][] {
  const p = input.profile;
  const pair = (k: keyof typeof PROFILE_LABEL, v: string): FormCell[] => [
    { text: PROFILE_LABEL[k], label: true },
    { text: v },
  ];
  return [
    [...pair('name', p.name), ...pair('gender', p.gender), ...pair('title', p.title)],
    [...pair('officePhone', p.officePhone), ...pair('mobile', p.mobile), ...pair('fax', p.fax)],
    [...pair('qq', p.qq), ...pair('wechat', p.wechat), ...pair('email', p.email)],
    [
      { text: PROFILE_LABEL.unitName, label: true },
      { text: unitOf(input), span: 5 },
    ],
    [
      { text: PROFILE_LABEL.address, label: true },
      { text: p.address, span: 5 },
    ],
  ];
}

/**
 * The 联络员推荐表 as a .docx ready to seal, filled from the liaison profile: A4 portrait, the notice's
 * fields in the notice's order, the unit and date at the bottom right for the seal. Empty fields stay
 * empty cells, to be written by hand.
 */
export async function liaisonFormDocx(input: UnitFormInput): Promise<Uint8Array> {
  const date = input.reportDate ?? chinaDay(input.generatedAt);
  const total = SHARES.reduce((a, b) => a + b, 0);
  const doc = officialDocument(
    {
      title: liaisonTemplate.title,
      creator: unitOf(input),
      custom: { generatedAt: new Date(input.generatedAt).toISOString() },
    },
    [
      title(liaisonTemplate.title),
      paragraph(''),
      formTable(
        liaisonRows(input),
        SHARES.map((s) => Math.floor((PORTRAIT_WIDTH * s) / total)),
      ),
      paragraph(''),
      paragraph(''),
      paragraph(unitOf(input), { align: 'right' }),
      paragraph(dateText(date, true), { align: 'right' }),
    ],
  );
  return docxBytes(doc);
}
