/**
 * Writes the app's PNG icons into public/ with no network and no image library: pixels are drawn
 * here (a white tick on the brand blue, anti-aliased by 4×4 supersampling) and encoded as PNG
 * with node:zlib. Run: `npx tsx src/pwa/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0b, 0x53, 0x94] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage of the shapes at a point in the unit square: bg (0/1) and tick (0/1). */
function sample(x: number, y: number, maskable: boolean): { bg: boolean; tick: boolean } {
  // maskable: full-bleed background, the tick inside the 80 % safe zone; plain: a rounded square
  const r = 0.18;
  const inRounded = (() => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return Math.hypot(x - cx, y - cy) <= r;
  })();
  const bg = maskable || inRounded;
  const s = maskable ? 0.62 : 0.78; // scale of the tick around the centre
  const u = (x - 0.5) / s + 0.5;
  const v = (y - 0.5) / s + 0.5;
  const w = 0.085;
  const tick = segDist(u, v, 0.22, 0.52, 0.42, 0.72) <= w || segDist(u, v, 0.42, 0.72, 0.8, 0.3) <= w;
  return { bg, tick: bg && tick };
}

function draw(size: number, maskable: boolean): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const N = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let tick = 0;
      for (let sy = 0; sy < N; sy++)
        for (let sx = 0; sx < N; sx++) {
          const s = sample((px + (sx + 0.5) / N) / size, (py + (sy + 0.5) / N) / size, maskable);
          if (s.bg) bg++;
          if (s.tick) tick++;
        }
      const a = bg / (N * N);
      const t = bg ? tick / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(BRAND[c]! * (1 - t) + 255 * t);
      out[i + 3] = Math.round(255 * a);
    }
  return out;
}

const dir = new URL('../../public/', import.meta.url);
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-192.png', 192, true],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
] as const) {
  writeFileSync(new URL(name, dir), png(size, draw(size, maskable)));
  console.log('wrote', name);
}
