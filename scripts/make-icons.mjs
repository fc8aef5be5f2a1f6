// Draws the extension icon (a red-orange rounded square with a white tick and two form lines) as PNGs
// into extension/public/icon/, with no image library: a few shapes and zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

function icon(size) {
  const px = Buffer.alloc(size * (size * 4 + 1));
  const s = size / 128;
  const inRounded = (x, y) => {
    const r = 26 * s;
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const nearSeg = (x, y, [x1, y1], [x2, y2], w) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= w;
  };
  for (let y = 0; y < size; y++) {
    px[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const X = x / s;
      const Y = y / s;
      let rgba = [0, 0, 0, 0];
      if (inRounded(x + 0.5, y + 0.5)) rgba = [217, 72, 15, 255];
      const white =
        nearSeg(X, Y, [30, 40], [98, 40], 7) ||
        nearSeg(X, Y, [30, 64], [70, 64], 7) ||
        nearSeg(X, Y, [58, 90], [72, 104], 9) ||
        nearSeg(X, Y, [72, 104], [100, 70], 9);
      if (rgba[3] && white) rgba = [255, 255, 255, 255];
      px.set(rgba, o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(px)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('extension/public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`extension/public/icon/${size}.png`, icon(size));
