#!/usr/bin/env node
// Draws the app's PNG icons into public/icons/: `node scripts/make-icons.mjs`.
// Plain Node (node:zlib writes the PNG), no packages, no randomness: the same pixels every run.
// The look follows public/icon.svg — the brand's #b5452b with a white mark — but as a simple
// shape (a bowl of side dishes, steaming), since drawing the 단 glyph needs a font.
//   icon-*.png      purpose "any": a rounded square on a transparent background, like icon.svg.
//   maskable-*.png  purpose "maskable": full-bleed background, the mark well inside the safe zone
//                   (the central circle of radius 40 %), so any launcher mask keeps all of it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BRAND = [0xb5, 0x45, 0x2b];
const WHITE = [0xff, 0xff, 0xff];
/** Each pixel is the average of SS×SS samples: smooth edges without a rasteriser. */
const SS = 4;
/** icon.svg's corner radius, rx=14 of 64. */
const CORNER = 14 / 64;

/** The mark in a unit square centred on (0.5, 0.5); its farthest point is 0.34 from the centre. */
function inMark(x, y) {
  const dx = x - 0.5;
  const bowl = y >= 0.5 && dx * dx + (y - 0.5) ** 2 <= 0.28 ** 2;
  const rim = y >= 0.44 && y <= 0.5 && Math.abs(dx) <= 0.31;
  const foot = y >= 0.76 && y <= 0.82 && Math.abs(dx) <= 0.1;
  const steam = y >= 0.24 && y <= 0.38 && [-0.1, 0, 0.1].some((c) => Math.abs(dx - c) <= 0.02);
  return bowl || rim || foot || steam;
}

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

/** RGBA pixels for one icon. */
function draw(size, maskable) {
  // Maskable: shrink the mark a little more, for margin inside the 40 % safe circle.
  const markScale = maskable ? 0.9 : 1;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let mark = 0;
      for (let sj = 0; sj < SS; sj++) {
        for (let si = 0; si < SS; si++) {
          const x = (i + (si + 0.5) / SS) / size;
          const y = (j + (sj + 0.5) / SS) / size;
          if (!maskable && !inRoundedSquare(x, y)) continue;
          bg++;
          if (inMark((x - 0.5) / markScale + 0.5, (y - 0.5) / markScale + 0.5)) mark++;
        }
      }
      const o = (j * size + i) * 4;
      const m = bg === 0 ? 0 : mark / bg;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(BRAND[c] * (1 - m) + WHITE[c] * m);
      px[o + 3] = Math.round((255 * bg) / (SS * SS));
    }
  }
  return px;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG, no interlace, filter 0 on every row. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) rgba.copy(raw, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) {
  for (const maskable of [false, true]) {
    const file = join(OUT, `${maskable ? 'maskable' : 'icon'}-${size}.png`);
    writeFileSync(file, png(size, draw(size, maskable)));
    console.log(`wrote ${file}`);
  }
}
