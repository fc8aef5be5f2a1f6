import { PLAN_LABEL as L, TERM } from './glossary.ts';
import type { SlotKind } from './schema.ts';
import { TEMPLATE_SCHEMA_VERSION, Template } from './template.ts';

/** The columns of a key-activity plan (重点活动计划安排, baodi-2021 附件2), one plan entry per row. */
export const PLAN_FIELDS: readonly { id: string; kind: SlotKind; label: string; labels: string[] }[] = [
  { id: 'time', kind: 'date', label: L.time, labels: ['时间', '活动时间', '日期'] },
  { id: 'location', kind: 'text', label: L.place, labels: ['地点', '活动地点'] },
  {
    id: 'content',
    kind: 'text',
    label: L.content,
    labels: ['主要内容', '活动主要内容', '活动内容', '内容'],
  },
  { id: 'organizer', kind: 'text', label: L.host, labels: ['主办单位', '承办单位', '组织单位'] },
  { id: 'partners', kind: 'text', label: L.assist, labels: ['协助单位', '协办单位', '配合单位'] },
  { id: 'division', kind: 'text', label: L.division, labels: ['工作分工', '分工'] },
  { id: 'outcome', kind: 'text', label: L.outcome, labels: ['成果形式', '成果'] },
];

export const planTemplate: Template = Template.parse({
  schemaVersion: TEMPLATE_SCHEMA_VERSION,
  id: 'plan',
  version: 1,
  title: '“安全生产月”重点活动计划安排表',
  kind: 'plan',
  source: {
    file: '001_f5ef0da1a26f2e55.txt',
    attachment: '附件2',
    notice: '宝坻区2021年“安全生产月”活动实施方案',
  },
  columns: PLAN_FIELDS.map((f) => f.label),
  headerFields: [],
  rows: [{ group: '', item: '重点活动', requirement: '', slotIds: PLAN_FIELDS.map((f) => f.id) }],
  slots: PLAN_FIELDS.map((f, index) => ({
    id: f.id,
    index,
    kind: f.kind,
    unit: '',
    section: 'table',
    group: '',
    item: '重点活动',
    requirement: '',
    before: f.label,
    after: '',
    labels: f.labels,
  })),
  deadlines: [],
  media: [],
});

/** 大兴安岭地区应急管理局“安全生产月”重点活动计划安排表: the notice's title with the unit in front. */
export const planTableTitle = (unit: string) => `${unit}${planTemplate.title}`;

/**
 * What a form to be sealed carries above its table, the same in the Word and the Excel plan table:
 * 填报单位（盖章）：…, 联系人：…, 联系电话：…, 填报日期：2020年6月1日 (the Excel sheet writes them on one line,
 * the Word page on two).
 */
export const sealFields = (f: { unit: string; contact: string; phone: string; date: string }) => [
  `填报单位（盖章）：${f.unit}`,
  `联系人：${f.contact}`,
  `联系电话：${f.phone}`,
  `${TERM.reportDate}：${f.date}`,
];
