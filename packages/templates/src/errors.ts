/** Why an import failed; the UI maps `code` to its own Chinese message. */
export type TemplateImportErrorCode =
  | 'empty-input'
  | 'not-a-table'
  | 'no-blanks'
  | 'unreadable-input'
  | 'invalid-template'
  | 'invalid-id'
  | 'duplicate-slot-id'
  /** Past IMPORT_LIMITS (characters, rows, blanks). */
  | 'too-large';

export class TemplateImportError extends Error {
  override readonly name = 'TemplateImportError';
  constructor(
    readonly code: TemplateImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
