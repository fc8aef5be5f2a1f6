import type { AttachmentRef, Entry, SeenFields } from '@tianbao/core';

const TEXT = ['date', 'title', 'kind', 'location', 'organizer', 'partners', 'description'] as const;
export type Draft = Record<(typeof TEXT)[number], string>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an edit form changed, relative to the entry it showed: only those fields go to the log, so a
 * colleague's change to a field this person never touched is kept, not silently written back.
 * `seen` is what the form showed, for the log to find values changed by others since (stale form).
 */
export function entryPatch(
  shown: Entry,
  draft: Draft,
  more: { highlight: boolean; contributions: Record<string, unknown>; attachments: AttachmentRef[] },
): { patch: Record<string, unknown>; seen: SeenFields } {
  const patch: Record<string, unknown> = {};
  for (const f of TEXT) if (draft[f] !== shown[f]) patch[f] = draft[f];
  if (more.highlight !== !!shown.highlight) patch.highlight = more.highlight;
  const contributions: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(more.contributions))
    if (!same(v, shown.contributions[k] ?? 0)) contributions[k] = v;
  if (Object.keys(contributions).length) patch.contributions = contributions;
  if (!same(more.attachments, shown.attachments)) patch.attachments = more.attachments;
  const seen: SeenFields = {
    ...Object.fromEntries(TEXT.map((f) => [f, shown[f]])),
    contributions: shown.contributions,
    attachments: shown.attachments,
  };
  return { patch, seen };
}
