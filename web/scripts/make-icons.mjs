// Writes the PWA icons (web/public/icon.svg, icon-192.png, icon-512.png) from one shape description.
// Hand-rolled on purpose: a flat two-colour icon needs only a rasteriser and a PNG encoder (zlib),
// not an image library. Run: node web/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
const RADIUS = 112;
const BACKGROUND = [67, 56, 202]; // indigo-700
const BOLT = [[300, 56], [120, 296], [236, 296], [204, 456], [392, 208], [276, 208], [332, 56]];
const out = new URL('../public/', import.meta.url);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">
<rect width="${SIZE}" height="${SIZE}" rx="${RADIUS}" fill="rgb(${BACKGROUND.join(',')})"/>
<polygon points="${BOLT.map((p) => p.join(',')).join(' ')}" fill="#fff"/>
</svg>
`;

function insidePolygon(x, y) {
  let inside = false;
  for (let i = 0, j = BOLT.length - 1; i < BOLT.length; j = i++) {
    const [xi, yi] = BOLT[i];
    const [xj, yj] = BOLT[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size) {
  const samples = 4; // 4×4 supersampling for smooth edges
  const scale = SIZE / size;
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    rows[y * (1 + size * 4)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = (x + (sx + 0.5) / samples) * scale;
          const py = (y + (sy + 0.5) / samples) * scale;
          if (!insideRoundedSquare(px, py)) continue;
          cover++;
          if (insidePolygon(px, py)) white++;
        }
      }
      const at = y * (1 + size * 4) + 1 + x * 4;
      const w = cover === 0 ? 0 : white / cover;
      for (let c = 0; c < 3; c++) rows[at + c] = Math.round(BACKGROUND[c] * (1 - w) + 255 * w);
      rows[at + 3] = Math.round((cover / samples ** 2) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync(new URL('icon.svg', out), svg);
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, out), png(size));
writeFileSync(new URL('apple-touch-icon.png', out), png(180));
