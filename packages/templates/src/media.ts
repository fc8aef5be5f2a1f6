import { sentences } from './deadlines.ts';
import type { MediaHint } from './template.ts';

const FORMATS = /\b(MP4|MOV|AVI|WMV|FLV|JPG|JPEG|PNG|GIF|BMP|TIFF?)\b/giu;
const RESOLUTION = /(\d{3,4})\s*(?:像素)?\s*[×xX*＊]\s*(\d{3,4})/u;

/**
 * Reads what the notice asks of photos and videos, e.g. `视频（分辨率1920像素×1080像素，格式为MP4）、
 * 照片资料（分辨率不低于1920像素×1080像素,格式为JPG）`.
 */
export function extractMediaHints(noticeText: string): MediaHint[] {
  const hints: MediaHint[] = [];
  for (const sentence of sentences(noticeText)) {
    const spans: { kindWord: string; spec: string }[] = [];
    for (const m of sentence.matchAll(/(视频|照片|图片|相片)(?:资料|素材)?\s*[（(]([^）)]*)[）)]/gu))
      spans.push({ kindWord: m[1] ?? '', spec: m[2] ?? '' });
    if (spans.length === 0) {
      // No parenthesised spec: take clause by clause (`视频格式为MP4，分辨率不低于1920×1080`).
      for (const clause of sentence.split(/[；;，,]/u)) {
        const word = /(视频|照片|图片|相片)/u.exec(clause)?.[1];
        if (word && (RESOLUTION.test(clause) || FORMATS.test(clause)))
          spans.push({ kindWord: word, spec: clause });
        FORMATS.lastIndex = 0;
      }
    }
    for (const { kindWord, spec } of spans) {
      const resolution = RESOLUTION.exec(spec);
      const formats = [...new Set([...spec.matchAll(FORMATS)].map((f) => (f[1] ?? '').toUpperCase()))];
      if (!resolution && formats.length === 0) continue;
      hints.push({
        kind: kindWord === '视频' ? 'video' : 'image',
        formats,
        ...(resolution ? { width: Number(resolution[1]), height: Number(resolution[2]) } : {}),
        ...(resolution && /不低于|以上|至少|不小于/u.test(spec) ? { minimum: true } : {}),
        source: sentence,
      });
    }
  }
  return hints;
}
