import type { AttachmentRef, Entry } from '@tianbao/core';
import type { MediaHint } from '@tianbao/templates';
import { mediaProblems } from './media-check.ts';
import { inspectMedia, type MediaInfo } from './media-inspect.ts';

/** One photo or video of a period's activities, as it goes into the pack. */
export interface PeriodMedia {
  entryId: string;
  entryTitle: string;
  date: string;
  ref: AttachmentRef;
  /** 日期-活动名称-序号.jpg (the extension of what the file really is). */
  fileName: string;
  info?: MediaInfo;
  /** Absent when the file is not on this computer (a colleague added it and it has not synced). */
  bytes?: Uint8Array;
  /** Why it does not meet the notice's format, in Chinese; empty when it does. */
  problems: string[];
}

const EXT: Record<string, string> = {
  JPG: 'jpg',
  PNG: 'png',
  GIF: 'gif',
  BMP: 'bmp',
  WEBP: 'webp',
  HEIC: 'heic',
  TIFF: 'tif',
  MP4: 'mp4',
  MOV: 'mov',
};

/** What a file name may not hold on Windows, macOS or in a zip; long names are cut. */
export function safeFileName(text: string, max = 40): string {
  const clean = [...text.replace(/[\\/:*?"<>|]/g, '').replace(/\s+/g, '')]
    .filter((c) => c.charCodeAt(0) >= 32)
    .join('')
    .replace(/^\.+/, '');
  return [...clean].slice(0, max).join('') || '活动';
}

const extOf = (ref: AttachmentRef, info?: MediaInfo) => {
  if (info?.format && EXT[info.format]) return EXT[info.format] as string;
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(ref.name);
  return (m?.[1] ?? 'bin').toLowerCase().replace('jpeg', 'jpg');
};

/**
 * The photos and videos of the period's activities, in activity order, each read, named
 * `日期-活动名称-序号.ext` (序号 counting within its activity) and checked against the notice's format.
 */
export async function collectPeriodMedia(
  entries: readonly Entry[],
  hints: readonly MediaHint[],
  read: (ref: AttachmentRef) => Promise<Uint8Array | undefined>,
): Promise<PeriodMedia[]> {
  const out: PeriodMedia[] = [];
  const used = new Set<string>();
  for (const e of [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    let n = 0;
    for (const ref of e.attachments) {
      const bytes = await read(ref).catch(() => undefined);
      const info = bytes ? inspectMedia(bytes, ref.type) : undefined;
      const problems = info
        ? mediaProblems(info, hints)
        : ['文件不在本机（同事添加后尚未同步到这台电脑），未打包'];
      let fileName: string;
      do fileName = `${e.date}-${safeFileName(e.title)}-${++n}.${extOf(ref, info)}`;
      while (used.has(fileName));
      used.add(fileName);
      out.push({
        entryId: e.id,
        entryTitle: e.title,
        date: e.date,
        ref,
        fileName,
        ...(info && { info }),
        ...(bytes && { bytes }),
        problems,
      });
    }
  }
  return out;
}
