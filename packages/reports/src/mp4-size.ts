// The width and height of an MP4 (or MOV) video from its header: the first video track's tkhd box.
// A small reader of the ISO base media file format (ISO/IEC 14496-12), enough for the notice's
// "视频（分辨率1920像素×1080像素，格式为MP4）" check; it never decodes video.

const CONTAINERS = new Set(['moov', 'trak', 'mdia']);

interface Box {
  type: string;
  start: number;
  end: number;
  body: number;
}

function* boxes(view: DataView, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(
      view.getUint8(at + 4),
      view.getUint8(at + 5),
      view.getUint8(at + 6),
      view.getUint8(at + 7),
    );
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > end) return;
      size = Number(view.getBigUint64(at + 8));
      body = at + 16;
    } else if (size === 0) size = end - at;
    if (size < body - at || at + size > end) {
      // A box cut short (a file truncated after its header): read what is there.
      yield { type, start: at, end, body };
      return;
    }
    yield { type, start: at, end: at + size, body };
    at += size;
  }
}

/** The container brand (ftyp major brand), e.g. 'isom', 'mp42', 'qt  '; undefined if not an ISO media file. */
export function mp4Brand(bytes: Uint8Array): string | undefined {
  if (bytes.length < 12) return undefined;
  const type = String.fromCharCode(...bytes.subarray(4, 8));
  if (type !== 'ftyp') return undefined;
  return String.fromCharCode(...bytes.subarray(8, 12));
}

/** Width × height of the first video track, or undefined when the header has none (or is unreadable). */
export function mp4Size(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tracks: { width: number; height: number; video: boolean }[] = [];
  const walk = (start: number, end: number, track?: { width: number; height: number; video: boolean }) => {
    for (const box of boxes(view, start, end)) {
      if (box.type === 'trak') {
        const t = { width: 0, height: 0, video: false };
        tracks.push(t);
        walk(box.body, box.end, t);
      } else if (CONTAINERS.has(box.type)) walk(box.body, box.end, track);
      else if (box.type === 'tkhd' && track) {
        // version 1 has 64-bit times: the width/height (16.16 fixed point) are the box's last 8 bytes.
        const version = view.getUint8(box.body);
        const at = box.body + (version === 1 ? 88 : 76);
        if (at + 8 <= box.end) {
          track.width = view.getUint32(at) >>> 16;
          track.height = view.getUint32(at + 4) >>> 16;
        }
      } else if (box.type === 'hdlr' && track && box.body + 12 <= box.end) {
        track.video = String.fromCharCode(...bytes.subarray(box.body + 8, box.body + 12)) === 'vide';
      }
    }
  };
  try {
    walk(0, bytes.length);
  } catch {
    return undefined;
  }
  const video = tracks.find((t) => t.video && t.width > 0) ?? tracks.find((t) => t.width > 0);
  return video ? { width: video.width, height: video.height } : undefined;
}
