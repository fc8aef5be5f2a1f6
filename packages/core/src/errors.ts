/**
 * Errors a person can act on. `message` is English (CLI, logs); `messageZh` is for the UI.
 * `field` names the offending input, e.g. `entries[3].contributions.baodi-2021/s12`.
 */
export class LogInputError extends Error {
  override name = 'LogInputError';
  constructor(
    readonly field: string,
    message: string,
    readonly messageZh: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export type LogFileErrorCode =
  | 'corrupt'
  | 'other-unit'
  | 'not-a-log'
  | 'unsupported-version'
  | 'not-loaded'
  /** Readable, but it would write records the forms and import refuse (see update-file.ts). */
  | 'invalid-data';

/** A file or update that cannot be used; nothing was applied when this is thrown. */
export class LogFileError extends Error {
  override name = 'LogFileError';
  constructor(
    readonly code: LogFileErrorCode,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}
