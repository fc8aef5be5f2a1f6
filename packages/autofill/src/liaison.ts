// The liaison (联络员) form as match slots: profile fields found by their Chinese labels.
import type { MatchSlot } from './types.ts';

export const LIAISON_FIELDS = [
  'name',
  'gender',
  'title',
  'officePhone',
  'mobile',
  'fax',
  'qq',
  'wechat',
  'email',
  'unitName',
  'address',
] as const;
export type LiaisonField = (typeof LIAISON_FIELDS)[number];

// The same names as the liaison template of @tianbao/templates (LIAISON_FIELDS there).
const LABELS: Record<LiaisonField, string[]> = {
  name: ['姓名', '联络员', '联络员姓名', '联系人', '联系人姓名'],
  gender: ['性别'],
  title: ['职务', '职位', '职称', '职务/职称'],
  officePhone: ['办公电话', '座机', '固定电话', '联系电话', '电话'],
  mobile: ['手机', '移动电话', '手机号', '手机号码'],
  fax: ['传真', '传真号码', '传真号'],
  qq: ['QQ号', 'QQ', 'QQ号码'],
  wechat: ['微信号', '微信'],
  email: ['电子邮箱', '邮箱', 'E-mail', 'Email', '电子邮件', '电子信箱'],
  unitName: ['单位名称', '单位', '工作单位', '所在单位'],
  address: ['通信地址', '通讯地址', '地址', '联系地址'],
};

const KIND: Partial<Record<LiaisonField, MatchSlot['kind']>> = {
  officePhone: 'phone',
  mobile: 'phone',
  fax: 'phone',
};

/** One slot per liaison field, id = field name, matched by label only. */
export const liaisonSlots = (): MatchSlot[] =>
  LIAISON_FIELDS.map((id) => ({ id, kind: KIND[id] ?? 'text', section: 'header', labels: LABELS[id] }));
