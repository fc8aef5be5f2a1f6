/**
 * Plain records that leave the core package. Other packages (excel, relay, extension UI) work on these,
 * never on Yjs types, so the CRDT can change without touching them.
 */

/** `<templateId>/<slotId>`: stable, never a position. */
export type SlotKey = string;

export type SlotValue = number | string | boolean;

export interface AttachmentRef {
  /** sha-256 hex of the bytes; bytes live outside the document. */
  hash: string;
  name: string;
  type: string;
  size: number;
}

export interface EntryFields {
  /** YYYY-MM-DD */
  date: string;
  title: string;
  kind: string;
  location: string;
  organizer: string;
  partners: string;
  description: string;
  /** What this activity adds to each blank of the statistics table. */
  contributions: Record<SlotKey, number>;
  attachments: AttachmentRef[];
  /**
   * 重点活动: the person marked this activity as one of the unit's highlights; the 总结 draft writes these
   * under 三、特色亮点. Absent (not false) on entries never marked, so older logs read the same.
   */
  highlight?: boolean;
  /**
   * Set on entries imported from a spreadsheet (@tianbao/excel ledgerToEntries): the same row of the same
   * sheet always gets the same key, so importing a file twice can skip what is already there.
   */
  importKey?: string;
}

export interface Entry extends EntryFields {
  id: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
  deletedAt?: number;
  deletedBy?: string;
}

/** 重点活动计划: 时间, 地点, 主要内容, 主办单位, 协助单位, 工作分工, 成果形式. */
export interface PlanFields {
  time: string;
  place: string;
  content: string;
  host: string;
  assist: string;
  division: string;
  outcome: string;
}

export interface Plan extends PlanFields {
  id: string;
  /** Set when the plan was carried out and became an entry. */
  entryId?: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
  deletedAt?: number;
  deletedBy?: string;
}

export interface Profile {
  name: string;
  gender: string;
  title: string;
  officePhone: string;
  mobile: string;
  fax: string;
  qq: string;
  wechat: string;
  email: string;
  unitName: string;
  address: string;
  /** 身份证号 (18 characters, checksum checked); never written to logs, shown masked (id-number.ts). */
  idNumber: string;
}

export interface ManualValue {
  value: SlotValue;
  by: string;
  at: number;
  reason: string;
}

export interface Contribution {
  entryId: string;
  title: string;
  date: string;
  by: string;
  amount: number;
}

/** A derived blank: manual value if set, else the sum of live entries' contributions, else empty (null, not 0). */
export interface SlotStat {
  key: SlotKey;
  value: SlotValue | null;
  source: 'manual' | 'sum' | 'profile' | 'empty';
  manual?: ManualValue;
  /** How many live entries add to this blank. */
  entryCount: number;
  /** The entries themselves; filled by `explain(key)`, left out of bulk statistics to keep them fast. */
  contributions?: Contribution[];
  /** Human-readable, Chinese: 「3 条活动合计：…」 or 「张三 手工填写（原因）」. */
  explanation: string;
  /** Set for statistics of a date range (inclusive, by the entries' 日期). */
  range?: { from?: string; to?: string };
  /**
   * A range's stat leaves the manual value out (it stands for the whole campaign); this is the value it
   * left out, so a screen or document can say so.
   */
  manualSetAside?: ManualValue;
  /**
   * Set when the blank has no usable value because its sum or stored value breaks the number rules
   * (a count of 10^12 or more, a fraction, a percentage over 100): `value` is then null, never Infinity or
   * NaN, and `explanation` says which entries to check. English, for the CLI and logs.
   */
  error?: string;
}

export interface LogMeta {
  /** One log = one unit's one campaign; its documents are named `<unitId>/<logId>…`. */
  logId: string;
  unitId: string;
  unitName: string;
  campaign: string;
  templateIds: string[];
  schemaVersion: number;
}
