/**
 * One word for each thing a person reads, the same in the extension, the Excel workbook and the Word
 * documents. Where the notices name a thing, their word wins (通信地址, QQ号, 协助单位, 微信号);
 * otherwise it is the product's own. Import from here instead of writing the word again, so a screen,
 * a sheet and a document never call one thing by two names. `glossary.test.ts` scans the code for the
 * words in VARIANTS.
 */
export const TERM = {
  /** The unit's shared record of activities (the log). */
  log: '活动台账',
  entry: '活动',
  /** The notice's 进展情况统计表. */
  table: '统计表',
  /** One blank （ ） of the statistics table. */
  blank: '统计项',
  /** What one activity adds to the blanks. */
  contributions: '计入统计表的数',
  liaison: '联络员',
  liaisonProfile: '联络员信息',
  plans: '重点活动计划',
  /** The campaign a log belongs to: 2026年“安全生产月”. */
  campaign: '专项活动',
  /** Who first wrote an activity down, and when. */
  recorder: '记录人',
  recordedAt: '记录时间',
  /** Who changed it last, and when. */
  modifier: '修改人',
  modifiedAt: '修改时间',
  trash: '回收站',
  /** The header line's date: set once when the unit reports, the same in 统计表, Excel and the portal. */
  reportDate: '填报日期',
  /** A value typed for a blank instead of the log's total. */
  manual: '手工填写',
  /** A blank's value added up from the activities. */
  sum: '台账合计',
  /** A blank with no value yet. */
  empty: '未填',
  reason: '原因',
  exportExcel: '导出Excel',
  excelTab: 'Excel导入导出',
  importLedger: '导入手工台账',
  rollup: '汇总下级单位',
  idNumber: '身份证号',
} as const;

/** Where a blank's value comes from, in words (SlotStat.source). */
export const SOURCE_LABEL: Record<'sum' | 'manual' | 'profile' | 'empty', string> = {
  sum: TERM.sum,
  manual: TERM.manual,
  profile: TERM.liaisonProfile,
  empty: TERM.empty,
};

/** An activity's fields (the log's entry fields, the 活动台账 columns). */
export const ENTRY_LABEL = {
  date: '日期',
  title: '活动名称',
  kind: '活动类型',
  location: '地点',
  organizer: '主办单位',
  partners: '协助单位',
  description: '活动内容',
  contributions: TERM.contributions,
  attachments: '附件',
  /** Marked by a person for the 总结's 特色亮点. */
  highlight: '重点活动',
} as const;

/** 重点活动计划 columns, as the plan table (baodi-2021 附件2) prints them. */
export const PLAN_LABEL = {
  time: '时间',
  place: '地点',
  content: '主要内容',
  host: '主办单位',
  assist: '协助单位',
  division: '工作分工',
  outcome: '成果形式',
} as const;

/** 联络员推荐表 fields, as the notices' forms print them. */
export const PROFILE_LABEL = {
  name: '姓名',
  gender: '性别',
  title: '职务',
  officePhone: '办公电话',
  mobile: '手机',
  fax: '传真',
  qq: 'QQ号',
  wechat: '微信号',
  email: '电子邮箱',
  unitName: '单位名称',
  address: '通信地址',
  /** Asked by some liaison portals; shown masked (2301**********1234) except while being typed. */
  idNumber: TERM.idNumber,
} as const;

/**
 * Words that mean a TERM but must not be written by the product. They are still recognised where they
 * are read: on a portal page (autofill synonyms), in a person's spreadsheet (ledger import headings).
 */
export const VARIANTS: Readonly<Record<string, string>> = {
  通讯地址: PROFILE_LABEL.address,
  协办单位: ENTRY_LABEL.partners,
  录入人: TERM.recorder,
  录入时间: TERM.recordedAt,
  '导出 Excel': TERM.exportExcel,
  'Excel 导入导出': TERM.excelTab,
  统计数: TERM.contributions,
  填空: TERM.blank,
};
