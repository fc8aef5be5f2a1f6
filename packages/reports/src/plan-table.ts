import type { Plan, Profile } from '@tianbao/core';
import { planTimeText } from '@tianbao/core';
import { planTemplate, sealFields, TERM, planTableTitle as titleFor } from '@tianbao/templates';
import { chinaDay, dateText } from './names.ts';
import { docxBytes, formLine, officialDocument, paragraph, table, title } from './official-document.ts';

/** What a plan table or liaison form is made from: the unit's own records and the day it is filed. */
export interface UnitFormInput {
  /** The log's unit name; the liaison profile's 单位名称 wins when set. */
  unitName: string;
  profile: Profile;
  plans: readonly Plan[];
  /** 填报日期 (YYYY-MM-DD); default: the day of `generatedAt` in China. */
  reportDate?: string;
  generatedAt: number;
}

export const unitOf = (input: Pick<UnitFormInput, 'unitName' | 'profile'>) =>
  input.profile.unitName.trim() || input.unitName;

export const planTableTitle = (input: Pick<UnitFormInput, 'unitName' | 'profile'>) => titleFor(unitOf(input));

/** The plan table's rows: 序号 and the notice's columns (时间, 地点, 主要内容, 主办单位, 协助单位, 工作分工, 成果形式). */
export function planTableRows(plans: readonly Plan[]): string[][] {
  const live = plans.filter((p) => p.deletedAt === undefined);
  return [
    ['序号', ...planTemplate.columns],
    ...live.map((p, i) => [
      String(i + 1),
      planTimeText(p.time),
      p.place,
      p.content,
      p.host,
      p.assist,
      p.division,
      p.outcome,
    ]),
  ];
}

/** The seal lines of the plan table, from the liaison profile and the 填报日期: the unit, then the rest. */
export function sealLines(input: UnitFormInput): [string, string] {
  const p = input.profile;
  const [unit, ...rest] = sealFields({
    unit: unitOf(input),
    contact: p.name,
    phone: p.officePhone || p.mobile,
    date: dateText(input.reportDate ?? chinaDay(input.generatedAt), true),
  });
  return [unit as string, rest.join('　　')];
}

/** Twips across an A4 landscape page inside the 公文 margins (297 − 28 − 26 mm), shared by the columns. */
const LANDSCAPE_WIDTH = Math.round(243 * 56.7);
const SHARES = [6, 10, 12, 26, 12, 12, 13, 10];

/**
 * The 重点活动计划安排表 as a .docx ready to seal: A4 landscape, the notice's columns, one row per live
 * plan, the header row repeated on every page, and the unit and date at the bottom right for the seal.
 * Throws when there is no plan: an empty table is not something to send.
 */
export async function planTableDocx(input: UnitFormInput): Promise<Uint8Array> {
  const rows = planTableRows(input.plans);
  if (rows.length < 2)
    throw Object.assign(new Error('the log has no plans'), { messageZh: `还没有${TERM.plans}。` });
  const name = planTableTitle(input);
  const total = SHARES.reduce((a, b) => a + b, 0);
  const date = input.reportDate ?? chinaDay(input.generatedAt);
  const doc = officialDocument(
    {
      title: name,
      creator: unitOf(input),
      custom: { generatedAt: new Date(input.generatedAt).toISOString(), plans: String(rows.length - 1) },
    },
    [
      title(name),
      ...sealLines(input).map(formLine),
      table(
        rows,
        SHARES.map((s) => Math.floor((LANDSCAPE_WIDTH * s) / total)),
      ),
      paragraph(''),
      paragraph(unitOf(input), { align: 'right' }),
      paragraph(dateText(date, true), { align: 'right' }),
    ],
    { landscape: true },
  );
  return docxBytes(doc);
}
