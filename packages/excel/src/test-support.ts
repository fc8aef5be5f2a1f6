// Shared builders for this package's tests: the built-in templates, plain log records.

import { getTemplate } from '@tianbao/templates';
import type { Entry, LogMeta, Plan, Profile, SlotStat } from './records.ts';
import type { ExportTemplate } from './template.ts';

/** The built-in templates, exactly as the dashboard and CLI export them. */
function builtin(id: string): ExportTemplate {
  const t = getTemplate(id);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
}
export const daxinganlingTemplate = () => builtin('daxinganling-2020');
export const changchunTemplate = () => builtin('changchun-industry-2019');

/** A slot's id by its position in the notice's table (the reference lists number them so). */
export function sid(template: ExportTemplate, index: number): string {
  const slot = template.slots.find((s) => s.index === index);
  if (!slot) throw new Error(`template ${template.id} has no slot ${index}`);
  return slot.id;
}

export const profile = (over: Partial<Profile> = {}): Profile => ({
  name: '张三丰',
  gender: '男',
  title: '科长',
  officePhone: '0457-2712884',
  mobile: '13900001234',
  fax: '0457-2712885',
  qq: '123456789',
  wechat: 'zhangsf_aq',
  email: 'zsf@example.cn',
  unitName: '大兴安岭地区应急管理局',
  address: '加格达奇区人民路1号',
  idNumber: '',
  ...over,
});

export const meta = (over: Partial<LogMeta> = {}): LogMeta => ({
  logId: 'log1',
  unitId: 'unit-dxal',
  unitName: '大兴安岭地区应急管理局',
  campaign: '2020 安全生产月',
  templateIds: ['daxinganling-2020'],
  schemaVersion: 1,
  ...over,
});

let seq = 0;
export function entry(over: Partial<Entry> = {}): Entry {
  seq++;
  return {
    id: `01HX${String(seq).padStart(6, '0')}`,
    date: '2020-06-10',
    title: `安全宣传进企业 第${seq}场`,
    kind: '宣传',
    location: '加格达奇区',
    organizer: '应急管理局',
    partners: '消防救援支队',
    description: '组织员工开展安全生产宣传教育',
    contributions: {},
    attachments: [],
    createdBy: '张三',
    createdAt: Date.UTC(2020, 5, 10, 2, 0),
    updatedBy: '李四',
    updatedAt: Date.UTC(2020, 5, 11, 3, 30),
    ...over,
  };
}

export function plan(over: Partial<Plan> = {}): Plan {
  return {
    id: 'p1',
    time: '6月16日',
    place: '人民广场',
    content: '全国安全宣传咨询日现场活动',
    host: '应急管理局',
    assist: '消防救援支队',
    division: '宣教科负责组织',
    outcome: '新闻报道',
    createdBy: '张三',
    createdAt: 0,
    updatedBy: '张三',
    updatedAt: 0,
    ...over,
  };
}

export const stat = (key: string, value: SlotStat['value'], over: Partial<SlotStat> = {}): SlotStat => ({
  key,
  value,
  source: value === null ? 'empty' : 'sum',
  entryCount: value === null ? 0 : 2,
  explanation: '',
  ...over,
});
