// The liaison (联络员) form as match slots: profile fields found by their Chinese labels. The fields and
// their labels are the liaison template's (@tianbao/templates), so the form the extension shows and the
// portal fields the engine recognises are one list.
import { LIAISON_FIELDS as FIELDS } from '@tianbao/templates';
import type { MatchSlot } from './types.ts';

/** One slot per liaison field, id = field name, matched by label only. */
export const liaisonSlots = (): MatchSlot[] =>
  FIELDS.map((f) => ({ id: f.id, kind: f.kind, section: 'header', labels: [...f.labels] }));
