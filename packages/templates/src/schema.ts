import { z } from 'zod';

/** What kind of value a blank takes; decides input widgets, validation and how a portal control is filled. */
export const SlotKind = z.enum(['number', 'percent', 'text', 'boolean', 'date', 'phone']);
export type SlotKind = z.infer<typeof SlotKind>;

/**
 * One blank of a statistics table. `id` is stable across template revisions (it never encodes the
 * position), so a log's data keyed by `<templateId>/<slotId>` survives a revision that inserts rows.
 */
export const Slot = z.object({
  id: z.string().min(1),
  index: z.number().int().nonnegative(),
  kind: SlotKind,
  /** 次, 人次, 场, %, … ('' when none). */
  unit: z.string(),
  section: z.enum(['header', 'table']),
  group: z.string(),
  item: z.string(),
  /** 内容要求 of the row, when the table has that column. */
  requirement: z.string().default(''),
  /** The text right before and after the blank inside its cell, as in the reference lists. */
  before: z.string(),
  after: z.string(),
  /** Other names of the same blank, for matching portal labels (e.g. 座机 for 办公电话). */
  labels: z.array(z.string()).optional(),
  /** Ids this slot had in earlier revisions of its template, so data stored under them still resolves. */
  aliases: z.array(z.string()).optional(),
});
export type Slot = z.infer<typeof Slot>;

/** A date the notice states, e.g. 联络员 by 5月27日, or 每周四17时 in June. */
export const Deadline = z.object({
  id: z.string().min(1),
  /** liaison | weekly | summary | table | plan | later-summary | other */
  kind: z.string().min(1),
  title: z.string(),
  /** ISO date (YYYY-MM-DD) for one-off deadlines. */
  date: z.string().optional(),
  /** Hour of day (0-23) when the notice names one. */
  hour: z.number().int().min(0).max(23).optional(),
  /** For weekly submissions: ISO weekday 1 (Mon) … 7 (Sun) and the months it applies to. */
  weekday: z.number().int().min(1).max(7).optional(),
  months: z.array(z.number().int().min(1).max(12)).optional(),
  /** For monthly submissions (每月28号前): the day of the month. */
  dayOfMonth: z.number().int().min(1).max(31).optional(),
  /** For deadlines relative to an activity (活动完成后3天内): days after it. */
  withinDays: z.number().int().positive().optional(),
  /** What is to be sent, when the notice lists it (视频, 图片, 文字, 总结, 统计表 …). */
  materials: z.array(z.string()).optional(),
  /** 纸质文件 required (often beside the 电子文本). */
  paper: z.boolean().optional(),
  /** 加盖公章: the paper copy is to be sealed. */
  seal: z.boolean().optional(),
  /** 电子版/电子文本 required. */
  electronic: z.boolean().optional(),
  /** The sentence of the notice this was read from, for the user to check. */
  source: z.string(),
});
export type Deadline = z.infer<typeof Deadline>;
