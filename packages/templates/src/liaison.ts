import { PROFILE_LABEL as L } from './glossary.ts';
import type { SlotKind } from './schema.ts';
import { TEMPLATE_SCHEMA_VERSION, Template } from './template.ts';

/** The liaison form's fields, in the order the seed forms print them; ids are the Profile field names. */
export const LIAISON_FIELDS: readonly { id: string; kind: SlotKind; label: string; labels: string[] }[] = [
  {
    id: 'name',
    kind: 'text',
    label: L.name,
    labels: ['姓名', '联络员', '联络员姓名', '联系人', '联系人姓名'],
  },
  { id: 'gender', kind: 'text', label: L.gender, labels: ['性别'] },
  { id: 'title', kind: 'text', label: L.title, labels: ['职务', '职位', '职务/职称', '职称'] },
  {
    id: 'officePhone',
    kind: 'phone',
    label: L.officePhone,
    labels: ['办公电话', '座机', '固定电话', '联系电话', '电话'],
  },
  { id: 'mobile', kind: 'phone', label: L.mobile, labels: ['手机', '移动电话', '手机号', '手机号码'] },
  { id: 'fax', kind: 'phone', label: L.fax, labels: ['传真', '传真号码', '传真号'] },
  { id: 'qq', kind: 'text', label: L.qq, labels: ['QQ号', 'QQ', 'QQ号码'] },
  { id: 'wechat', kind: 'text', label: L.wechat, labels: ['微信号', '微信'] },
  {
    id: 'email',
    kind: 'text',
    label: L.email,
    labels: ['电子邮箱', '邮箱', 'E-mail', 'Email', '电子邮件', '电子信箱', '邮箱地址', '电子邮箱地址'],
  },
  { id: 'unitName', kind: 'text', label: L.unitName, labels: ['单位名称', '单位', '工作单位', '所在单位'] },
  { id: 'address', kind: 'text', label: L.address, labels: ['通信地址', '通讯地址', '地址', '联系地址'] },
  {
    id: 'idNumber',
    kind: 'text',
    label: L.idNumber,
    labels: ['身份证号', '身份证号码', '公民身份号码', '身份证'],
  },
];

/** 联络员推荐表/反馈表: the unit's contact profile; its slot ids are the Profile field names. */
export const liaisonTemplate: Template = Template.parse({
  schemaVersion: TEMPLATE_SCHEMA_VERSION,
  id: 'liaison',
  version: 1,
  title: '“安全生产月”活动联络员推荐表',
  kind: 'liaison',
  source: { notice: '联络员推荐表/反馈表 (000 附件2, 001 附件1, 004 附件1)' },
  columns: [],
  headerFields: [],
  rows: [{ group: '', item: '联络员', requirement: '', slotIds: LIAISON_FIELDS.map((f) => f.id) }],
  slots: LIAISON_FIELDS.map((f, index) => ({
    id: f.id,
    index,
    kind: f.kind,
    unit: '',
    section: 'table',
    group: '',
    item: '联络员',
    requirement: '',
    before: f.label,
    after: '',
    labels: f.labels,
  })),
  deadlines: [],
  media: [],
});
