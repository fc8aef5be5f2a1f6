/** Why a file could not be read; the UI maps codes to Chinese, the CLI prints the English message. */
export type ExcelImportErrorCode =
  | 'not-excel'
  | 'xls-legacy'
  | 'encrypted'
  | 'corrupt'
  | 'empty'
  | 'not-tianbao-export'
  | 'wrong-template'
  | 'duplicate-unit'
  | 'bad-mapping'
  /** Past a size, row or cell limit (XLSX_LIMITS): refused before it can fill the memory. */
  | 'too-large';

export class ExcelImportError extends Error {
  override readonly name = 'ExcelImportError';
  constructor(
    readonly code: ExcelImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
