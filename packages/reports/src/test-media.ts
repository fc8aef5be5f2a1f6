// Test helper (not exported): the headers of small photo and video files, byte by byte, so readers are
// tested on the formats' own layout (the e2e test uses real JPEGs made by Chromium's encoder).

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** SOI, JFIF APP0, a baseline SOF0 frame header with the size, EOI. */
export function jpegBytes(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...u16(16),
    ...ascii('JFIF'),
    0,
    1,
    1,
    0,
    ...u16(1),
    ...u16(1),
    0,
    0,
    0xff,
    0xc0,
    ...u16(17),
    8,
    ...u16(height),
    ...u16(width),
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    0xff,
    0xd9,
  ]);
}

/** PNG signature and IHDR. */
export function pngBytes(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...u32(13),
    ...ascii('IHDR'),
    ...u32(width),
    ...u32(height),
    8,
    2,
    0,
    0,
    0,
    ...u32(0),
  ]);
}

const box = (type: string, ...body: number[][]) => {
  const content = body.flat();
  return [...u32(8 + content.length), ...ascii(type), ...content];
};

/** ftyp, then moov with an audio track first and a video track (tkhd version 0 or 1) of the given size. */
export function mp4Bytes(
  width: number,
  height: number,
  opts: { version?: 0 | 1; brand?: string } = {},
): Uint8Array {
  const v = opts.version ?? 0;
  const times = v === 1 ? 32 : 20; // creation, modification, track id, reserved, duration
  const tkhd = (w: number, h: number) =>
    box('tkhd', [v, 0, 0, 7], new Array(times).fill(0), new Array(52).fill(0), u32(w << 16), u32(h << 16));
  const hdlr = (kind: string) => box('hdlr', [0, 0, 0, 0], u32(0), ascii(kind), new Array(12).fill(0), [0]);
  return new Uint8Array([
    ...box('ftyp', ascii(opts.brand ?? 'isom'), u32(512), ascii('isommp41')),
    ...box(
      'moov',
      box('mvhd', new Array(100).fill(0)),
      box('trak', tkhd(0, 0), box('mdia', hdlr('soun'))),
      box('trak', tkhd(width, height), box('mdia', hdlr('vide'))),
    ),
    ...box('mdat', [1, 2, 3, 4]),
  ]);
}
