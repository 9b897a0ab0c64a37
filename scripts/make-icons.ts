// The app's icons (public/icons/*.png) from one drawing: 帮 on the brand colour, and a maskable variant with
// the safe zone Android crops to. Run once when the drawing changes: `npx tsx scripts/make-icons.ts`.
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const BRAND = '#1e40af';

function drawing(size: number, maskable: boolean): string {
  const inset = maskable ? 0 : size * 0.06;
  const radius = maskable ? 0 : size * 0.22;
  const glyph = size * (maskable ? 0.5 : 0.62);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <rect x="${inset}" y="${inset}" width="${size - 2 * inset}" height="${size - 2 * inset}" rx="${radius}" fill="${BRAND}"/>
  <text x="50%" y="50%" dy="0.36em" text-anchor="middle" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif"
        font-weight="700" font-size="${glyph}" fill="#ffffff">帮</text>
</svg>`;
}

mkdirSync('public/icons', { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
] as const) {
  await sharp(Buffer.from(drawing(size, maskable)))
    .png()
    .toFile(`public/icons/${name}`);
}
