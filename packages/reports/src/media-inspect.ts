import { imageSize } from 'image-size';
import { mp4Brand, mp4Size } from './mp4-size.ts';

/** What a photo or video file really is, read from its bytes (not its name or MIME type). */
export interface MediaInfo {
  kind: 'image' | 'video' | 'other';
  /** JPG, PNG, GIF, BMP, WEBP, HEIC, TIFF, MP4, MOV, or '' when unknown. */
  format: string;
  width?: number;
  height?: number;
}

const IMAGE_FORMAT: Record<string, string> = {
  jpg: 'JPG',
  png: 'PNG',
  gif: 'GIF',
  bmp: 'BMP',
  webp: 'WEBP',
  heif: 'HEIC',
  tiff: 'TIFF',
};

/** The file's format and resolution from its header: image-size for pictures, the tkhd box for MP4. */
export function inspectMedia(bytes: Uint8Array, mimeType = ''): MediaInfo {
  const brand = mp4Brand(bytes);
  if (brand !== undefined) {
    const size = mp4Size(bytes);
    return { kind: 'video', format: brand === 'qt  ' ? 'MOV' : 'MP4', ...size };
  }
  try {
    const r = imageSize(bytes);
    const format = IMAGE_FORMAT[r.type ?? ''] ?? (r.type ?? '').toUpperCase();
    // EXIF orientation 5-8: the camera stored it turned; people see it the other way round.
    const turned = (r.orientation ?? 1) >= 5;
    return {
      kind: 'image',
      format,
      ...(r.width && r.height && { width: turned ? r.height : r.width, height: turned ? r.width : r.height }),
    };
  } catch {
    const kind = mimeType.startsWith('video/') ? 'video' : mimeType.startsWith('image/') ? 'image' : 'other';
    return { kind, format: '' };
  }
}
