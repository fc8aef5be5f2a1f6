import type { MediaHint } from '@tianbao/templates';
import type { MediaInfo } from './media-inspect.ts';

const KIND_ZH = { image: '照片', video: '视频', other: '文件' } as const;

/** JPG and JPEG are one format; so are MOV and QuickTime. */
const same = (format: string, wanted: string) =>
  format === wanted || (format === 'JPG' && wanted === 'JPEG') || (format === 'JPEG' && wanted === 'JPG');

/**
 * Why a photo or video does not meet what the notice asks (视频 1920×1080 MP4; 照片 不低于1920×1080 JPG),
 * in Chinese, one reason per line; empty when it does or when the notice asks nothing of its kind. A
 * photo taken upright (1080×1920) meets 1920×1080: the notice fixes the size, not the orientation.
 */
export function mediaProblems(info: MediaInfo, hints: readonly MediaHint[]): string[] {
  if (info.kind === 'other') return ['不是照片或视频，无法识别文件格式'];
  const hint = hints.find((h) => h.kind === info.kind);
  const out: string[] = [];
  const what = KIND_ZH[info.kind];
  if (!info.format) out.push(`无法识别${what}格式，文件可能已损坏`);
  if (!hint) return out;
  if (info.format && hint.formats.length && !hint.formats.some((f) => same(info.format, f.toUpperCase())))
    out.push(`格式为${info.format}，通知要求${hint.formats.join('或')}`);
  if (hint.width && hint.height) {
    const want = `${hint.width}×${hint.height}`;
    if (!info.width || !info.height) {
      if (info.format) out.push(`读不出${what}分辨率，通知要求${hint.minimum ? '不低于' : ''}${want}`);
    } else {
      const [long, short] = [Math.max(info.width, info.height), Math.min(info.width, info.height)];
      const [wantLong, wantShort] = [Math.max(hint.width, hint.height), Math.min(hint.width, hint.height)];
      const ok = hint.minimum
        ? long >= wantLong && short >= wantShort
        : long === wantLong && short === wantShort;
      if (!ok)
        out.push(`分辨率为${info.width}×${info.height}，通知要求${hint.minimum ? '不低于' : ''}${want}`);
    }
  }
  return out;
}
