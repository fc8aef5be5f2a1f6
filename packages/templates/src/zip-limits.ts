/** Limits on a zip (.docx, .xlsx) checked from its central directory before anything is inflated. */
export interface ZipLimits {
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  maxEntries: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than 1 MiB (ordinary XML is below 30). */
  maxRatio: number;
}

export const NOTICE_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 200,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  /** 0 stored, 8 deflated (the only two Office writes). */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** Why a zip was refused, with the limit it passed (English; the UI words it from `reason`). */
export class ZipLimitError extends Error {
  override readonly name = 'ZipLimitError';
  constructor(
    readonly reason: 'not-a-zip' | 'too-many-entries' | 'entry-too-large' | 'total-too-large' | 'ratio',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Lists a zip's entries from its central directory (no inflating) and refuses one that declares more than
 * `limits` allow, so a few hundred KB that inflate to gigabytes are stopped before a reader allocates them.
 * Sizes a zip declares can lie; the readers still inflate, so this bounds the honest and the naive bomb.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = NOTICE_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipLimitError('not-a-zip', 'not a zip file (no end of central directory)');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > limits.maxEntries)
    throw new ZipLimitError('too-many-entries', `the zip has ${count} entries (limit ${limits.maxEntries})`);
  const entries: ZipEntry[] = [];
  let total = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new ZipLimitError('not-a-zip', 'damaged zip (central directory)');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF means the real size is in a zip64 field: treat it as too large rather than trust it.
    if (size > limits.maxEntryBytes || size === 0xffffffff)
      throw new ZipLimitError(
        'entry-too-large',
        `${name} inflates to ${mib(size)} (limit ${mib(limits.maxEntryBytes)})`,
      );
    if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > limits.maxRatio)
      throw new ZipLimitError(
        'ratio',
        `${name} inflates ${Math.round(size / Math.max(1, compressedSize))}-fold (limit ${limits.maxRatio})`,
      );
    total += size;
    if (total > limits.maxTotalBytes)
      throw new ZipLimitError(
        'total-too-large',
        `the zip inflates to more than ${mib(limits.maxTotalBytes)} (limit)`,
      );
    entries.push({ name, compressedSize, size, method, offset: view.getUint32(at + 42, true) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
