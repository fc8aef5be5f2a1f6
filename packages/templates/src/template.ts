import { z } from 'zod';
import { Deadline, Slot, SlotKind } from './schema.ts';

/** Layout version of the Template record itself (not a template's own revision). */
export const TEMPLATE_SCHEMA_VERSION = 1;

export const TemplateKind = z.enum(['statistics', 'liaison', 'plan', 'schedule']);
export type TemplateKind = z.infer<typeof TemplateKind>;

/** A blank of the line above the table (填报单位, 联系人, 电话, 填报日期). */
export const HeaderField = z.object({
  label: z.string(),
  slotId: z.string(),
  kind: SlotKind,
});
export type HeaderField = z.infer<typeof HeaderField>;

/** One row of the table: what the notice asks (requirement) and which blanks it has. */
export const TemplateRow = z.object({
  group: z.string(),
  item: z.string(),
  requirement: z.string(),
  slotIds: z.array(z.string()),
});
export type TemplateRow = z.infer<typeof TemplateRow>;

/** What photos and videos the notice wants (e.g. 1920×1080, MP4 / JPG). */
export const MediaHint = z.object({
  kind: z.enum(['video', 'image', 'text', 'other']),
  formats: z.array(z.string()),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** true when the resolution is a minimum (不低于). */
  minimum: z.boolean().optional(),
  source: z.string(),
});
export type MediaHint = z.infer<typeof MediaHint>;

/** When the notice's activities run (活动时间为6月1日至6月30日): 累计 counts from `start`. */
export const CampaignDates = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  /** The sentences of the notice the dates were read from, for the user to check. */
  source: z.string(),
});
export type CampaignDates = z.infer<typeof CampaignDates>;

export const TemplateSource = z.object({
  /** The seed or file the template was read from, e.g. 000_4ca748d901212163.txt. */
  file: z.string().optional(),
  /** The notice's title as printed. */
  notice: z.string().optional(),
  /** The 附件 line, e.g. 附件 3. */
  attachment: z.string().optional(),
  year: z.number().int().optional(),
  /** The region whose office issued the notice (大兴安岭地区), so tables with alike titles are told apart. */
  region: z.string().optional(),
  /** Corrections applied to broken source text before import, for the record. */
  corrections: z.array(z.object({ find: z.string(), replace: z.string(), reason: z.string() })).optional(),
});
export type TemplateSource = z.infer<typeof TemplateSource>;

export const Template = z.object({
  schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/u, 'template ids are lower-case ascii with dashes'),
  /** Revision of this template; slot ids stay stable across revisions (see Slot.aliases). */
  version: z.number().int().positive(),
  title: z.string(),
  kind: TemplateKind,
  source: TemplateSource,
  /** Column titles as printed (活动项目 / 内容要求 / 进展情况), when the table has them. */
  columns: z.array(z.string()).default([]),
  headerFields: z.array(HeaderField),
  rows: z.array(TemplateRow),
  slots: z.array(Slot),
  deadlines: z.array(Deadline),
  media: z.array(MediaHint),
  /** Absent when the notice does not say; then the campaign is the month of June of its year. */
  campaign: CampaignDates.optional(),
});
export type Template = z.infer<typeof Template>;
/** What a caller may pass in (defaults not yet applied). */
export type TemplateInput = z.input<typeof Template>;

/** The key a unit log stores a blank's data under: `<templateId>/<slotId>`, never a position. */
export function slotKey(templateId: string, slotId: string): string {
  if (templateId.includes('/')) throw new Error(`template id must not contain '/': ${templateId}`);
  return `${templateId}/${slotId}`;
}

export function parseSlotKey(key: string): { templateId: string; slotId: string } {
  const at = key.indexOf('/');
  if (at <= 0 || at === key.length - 1)
    throw new Error(`not a slot key (expected <templateId>/<slotId>): ${key}`);
  return { templateId: key.slice(0, at), slotId: key.slice(at + 1) };
}

/** Finds a slot by its current id or by an id it had in an earlier revision. */
export function findSlot(template: Template, slotId: string): Slot | undefined {
  return (
    template.slots.find((s) => s.id === slotId) ?? template.slots.find((s) => s.aliases?.includes(slotId))
  );
}

/**
 * Maps a stored slot key to the key of the same blank in `template` (its current revision); undefined
 * when the blank was removed, so the caller can keep the value aside instead of losing it.
 */
export function resolveSlotKey(template: Template, key: string): string | undefined {
  const { templateId, slotId } = parseSlotKey(key);
  if (templateId !== template.id) return undefined;
  const slot = findSlot(template, slotId);
  return slot ? slotKey(template.id, slot.id) : undefined;
}
