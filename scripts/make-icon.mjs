/**
 * Draws the app icon (a white headset on hotline red) as PNGs: resources/icon.png for
 * electron-builder, src/renderer/public/favicon.png for the page. `npm run icons` remakes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1), as "is this point inside?" tests.
const roundedSquare = (x, y) => {
  const r = 0.2;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const band = (x, y) => {
  const d = Math.hypot(x - 0.5, y - 0.52);
  return y <= 0.56 && d >= 0.25 && d <= 0.31;
};
const cup = (cx) => (x, y) => Math.abs(x - cx) <= 0.065 && y >= 0.5 && y <= 0.72;
const boom = (x, y) => {
  const d = Math.hypot(x - 0.5, y - 0.6);
  return y >= 0.62 && x <= 0.76 && x >= 0.42 && d >= 0.19 && d <= 0.23;
};
const mic = (x, y) => Math.hypot(x - 0.44, y - 0.815) <= 0.045;
const white = [band, cup(0.22), cup(0.78), boom, mic];

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4; // 4×4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!roundedSquare(x, y)) continue;
          if (white.some((inside) => inside(x, y))) fg++;
          else bg++;
        }
      }
      const n = samples * samples;
      const alpha = (bg + fg) / n;
      const i = (py * size + px) * 4;
      const mix = fg / Math.max(bg + fg, 1);
      rgba[i] = Math.round(201 + (255 - 201) * mix);
      rgba[i + 1] = Math.round(42 + (255 - 42) * mix);
      rgba[i + 2] = Math.round(42 + (255 - 42) * mix);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, rgba);
}

const root = path.resolve(import.meta.dirname, '..');
for (const [file, size] of [
  ['resources/icon.png', 512],
  ['src/renderer/public/favicon.png', 64],
]) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), draw(size));
  console.log(`wrote ${file} (${size}×${size})`);
}
