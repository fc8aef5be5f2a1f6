import { ExcelImportError } from './errors.ts';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip archive starts with its end-of-central-directory record. */
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** UTF-16LE, as stream names are stored in a compound file's directory. */
const utf16le = (s: string) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0];
  outer: for (
    let i = bytes.indexOf(first ?? 0);
    i >= 0 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first ?? 0, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Rejects, before any parsing, files that cannot be an .xlsx, with the reason a person can act on. A
 * password-protected .xlsx is not a zip at all: Office wraps it in a compound (OLE) file holding an
 * `EncryptedPackage` stream, the same container a legacy .xls uses, so both are told apart here.
 */
export function assertXlsxBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ExcelImportError('empty', 'The file is empty.');
  if (startsWith(bytes, CFB_MAGIC)) {
    if (contains(bytes, utf16le('EncryptedPackage')) || contains(bytes, utf16le('EncryptionInfo'))) {
      throw new ExcelImportError(
        'encrypted',
        'The workbook is password-protected; open it in Excel or WPS, remove the password and save it again.',
      );
    }
    throw new ExcelImportError(
      'xls-legacy',
      'This is a legacy .xls (Excel 97-2003) file; open it in Excel or WPS and save it as .xlsx.',
    );
  }
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    throw new ExcelImportError('not-excel', 'The file is an empty zip archive, not an Excel workbook.');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new ExcelImportError('not-excel', 'The file is not an Excel workbook (.xlsx).');
  }
}
