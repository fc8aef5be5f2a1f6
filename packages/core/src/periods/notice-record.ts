import { z } from 'zod';
import { LogInputError } from '../errors.ts';

const Field = z.object({ id: z.string().min(1).max(40), label: z.string().max(80) });

/**
 * What the unit confirmed of its notice on the review screen, beside the schedule: which notice it is
 * (issuing office, document number), and what its 联络员推荐表 and 重点活动计划安排表 ask for. Kept in the
 * log so every colleague sees the same.
 */
export const NoticeRecord = z.object({
  title: z.string().max(300),
  issuer: z.string().max(120).optional(),
  documentNumber: z.string().max(80).optional(),
  fileName: z.string().max(260).optional(),
  liaisonFields: z.array(Field).max(40),
  planFields: z.array(Field).max(40),
});
export type NoticeRecord = z.infer<typeof NoticeRecord>;

export function validateNotice(input: unknown): NoticeRecord {
  const parsed = NoticeRecord.safeParse(input);
  if (!parsed.success)
    throw new LogInputError(
      `notice.${parsed.error.issues[0]?.path.join('.') ?? ''}`,
      parsed.error.issues[0]?.message ?? 'invalid',
      '通知信息填写得不完整或过长',
    );
  return parsed.data;
}
