import { stableHash } from '@tianbao/templates';

/**
 * The entry id of an imported row, derived from its import key: two replicas importing the same file offline
 * create the same id, so their entries merge into one when they sync instead of doubling the row.
 * 106 bits of stableHash: collisions are not a concern at a log's size; 'imp' + 28 hex digits.
 */
export const importEntryId = (importKey: string): string => `imp${stableHash(importKey)}`;

/** Import keys are short machine strings (`ledger:<hash>`), never free text. */
export const IMPORT_KEY = /^[A-Za-z0-9:._-]{1,100}$/;
