// Photo storage (lib/storage.ts): the type is told by the first bytes, never by a name; keys are made
// here. 'server-only' is aliased to an empty module in vitest.config.ts, so the module imports as is.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTO_PIXELS,
  MAX_PHOTO_SIDE,
  PHOTO_TYPES,
  readStored,
  reencodePhoto,
  removeStored,
  sniffPhotoType,
  storePhoto,
} from '@/lib/storage';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'));
const JPEG_EXIF = bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, ...ascii('Exif'));
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const WEBP = bytes(...ascii('RIFF'), 0x24, 0x00, 0x00, 0x00, ...ascii('WEBPVP8 '));

describe('sniffPhotoType', () => {
  it('tells JPEG, PNG and WebP by their signatures', () => {
    expect(sniffPhotoType(JPEG)).toBe('image/jpeg');
    expect(sniffPhotoType(JPEG_EXIF)).toBe('image/jpeg');
    expect(sniffPhotoType(PNG)).toBe('image/png');
    expect(sniffPhotoType(WEBP)).toBe('image/webp');
    // A Node Buffer (what a request body becomes) is a Uint8Array too.
    expect(sniffPhotoType(Buffer.from(PNG))).toBe('image/png');
  });

  it('reads the view it is given, not the buffer behind it', () => {
    const padded = new Uint8Array(4 + WEBP.length);
    padded.set(WEBP, 4);
    expect(sniffPhotoType(padded.subarray(4))).toBe('image/webp');
    expect(sniffPhotoType(padded)).toBeNull();
  });

  it('refuses other files whatever they claim to be', () => {
    expect(sniffPhotoType(bytes(...ascii('GIF89a')))).toBeNull();
    expect(sniffPhotoType(bytes(...ascii('%PDF-1.7')))).toBeNull();
    expect(sniffPhotoType(bytes(...ascii('<svg xmlns="http://www.w3.org/2000/svg">')))).toBeNull();
    expect(sniffPhotoType(bytes(...ascii('BM'), 0, 0, 0, 0))).toBeNull(); // BMP
    expect(sniffPhotoType(bytes(...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WAVEfmt ')))).toBeNull(); // a RIFF that is audio
    expect(sniffPhotoType(bytes(0x00, 0x00, 0x00, 0x18, ...ascii('ftypheic')))).toBeNull(); // HEIC: not taken
    expect(sniffPhotoType(new TextEncoder().encode('photo.jpg'))).toBeNull();
  });

  it('refuses truncated signatures and empty input', () => {
    expect(sniffPhotoType(new Uint8Array(0))).toBeNull();
    expect(sniffPhotoType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffPhotoType(bytes(0xff, 0xd8, 0xfe))).toBeNull();
    expect(sniffPhotoType(bytes(0x89, 0x50, 0x4e))).toBeNull();
    expect(sniffPhotoType(bytes(0x89, 0x50, 0x4e, 0x48))).toBeNull();
    expect(sniffPhotoType(bytes(...ascii('RIFF')))).toBeNull();
    expect(sniffPhotoType(bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEB')))).toBeNull();
  });

  it('only names types that have a file extension, and allows 8 MB', () => {
    for (const sample of [JPEG, PNG, WEBP]) expect(Object.keys(PHOTO_TYPES)).toContain(sniffPhotoType(sample));
    expect(MAX_PHOTO_BYTES).toBe(8 * 1024 * 1024);
  });
});

describe('storePhoto / readStored on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bangfu-storage-'));
    process.env.UPLOAD_DIR = dir; // read on the first store
    delete process.env.S3_ENDPOINT;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('files a photo under year/month/<uuid>.<ext> and reads it back; unknown keys are null', async () => {
    const key = await storePhoto(PNG, 'image/png', '2026-03-09');
    expect(key).toMatch(/^2026\/03\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.png$/);
    expect(new Uint8Array(await readFile(path.join(dir, key)))).toEqual(PNG);
    expect(await readStored(key)).toEqual(PNG);
    const other = await storePhoto(JPEG, 'image/jpeg', '2026-03-09');
    expect(other).not.toBe(key);
    expect(other.endsWith('.jpg')).toBe(true);
    expect(await readStored('2026/03/00000000-0000-0000-0000-000000000000.png')).toBeNull();
  });

  it('removes a stored photo, and a key already gone is no error', async () => {
    const key = await storePhoto(PNG, 'image/png', '2026-03-10');
    await removeStored(key);
    expect(await readStored(key)).toBeNull();
    await expect(removeStored(key)).resolves.toBeUndefined();
  });
});

// A phone photo as phones write it: EXIF with the camera, the GPS position and a rotation.
async function phonePhoto(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Field 5G' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 15/1 2201/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '103/1 50/1 1234/100',
        GPSMapDatum: 'WGS-84',
      },
    })
    .toBuffer();
}

describe('reencodePhoto', () => {
  it('writes a new JPEG without EXIF and GPS', async () => {
    const original = await phonePhoto(64, 48);
    const before = await sharp(original).metadata();
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(original.includes('WGS-84')).toBe(true);
    expect(original.includes('PhoneMaker')).toBe(true);

    const result = await reencodePhoto(original, 'image/jpeg');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.type).toBe('image/jpeg');
    expect(sniffPhotoType(result.body)).toBe('image/jpeg');
    const after = await sharp(result.body).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(result.body.includes('WGS-84')).toBe(false);
    expect(result.body.includes('PhoneMaker')).toBe(false);
    expect([after.width, after.height]).toEqual([64, 48]);
  });

  it('turns a photo upright by its orientation before the orientation is dropped', async () => {
    const sideways = await sharp({ create: { width: 40, height: 20, channels: 3, background: 'white' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const result = await reencodePhoto(sideways, 'image/jpeg');
    expect(result.ok && [result.width, result.height]).toEqual([20, 40]);
    expect(result.ok && (await sharp(result.body).metadata()).orientation).toBeUndefined();
  });

  it(`brings the long side down to ${MAX_PHOTO_SIDE} px and keeps the proportions`, async () => {
    const result = await reencodePhoto(await phonePhoto(3200, 1600), 'image/jpeg');
    expect(result.ok && [result.width, result.height]).toEqual([MAX_PHOTO_SIDE, 1280]);
    const small = await reencodePhoto(await phonePhoto(800, 600), 'image/jpeg');
    expect(small.ok && [small.width, small.height]).toEqual([800, 600]); // never enlarged
  });

  it('keeps PNG and WebP as what they were, re-encoded', async () => {
    const png = await sharp({
      create: { width: 30, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .withExif({ IFD0: { Make: 'ScreenMaker' } })
      .toBuffer();
    const pngResult = await reencodePhoto(png, 'image/png');
    expect(pngResult.ok && pngResult.type).toBe('image/png');
    expect(pngResult.ok && pngResult.body.includes('ScreenMaker')).toBe(false);
    const webp = await sharp({ create: { width: 30, height: 30, channels: 3, background: 'blue' } })
      .webp()
      .toBuffer();
    const webpResult = await reencodePhoto(webp, 'image/webp');
    expect(webpResult.ok && sniffPhotoType(webpResult.body)).toBe('image/webp');
  });

  it("refuses what no image library can decode, even with a photo's first bytes", async () => {
    const fake = Buffer.concat([Buffer.from(JPEG), Buffer.from('<script>alert(1)</script>'.repeat(20))]);
    expect(sniffPhotoType(fake)).toBe('image/jpeg');
    expect(await reencodePhoto(fake, 'image/jpeg')).toEqual({ ok: false, reason: 'undecodable' });
    expect(await reencodePhoto(PNG, 'image/png')).toEqual({ ok: false, reason: 'undecodable' });
    const truncated = (await phonePhoto(64, 48)).subarray(0, 200);
    expect(await reencodePhoto(truncated, 'image/jpeg')).toEqual({ ok: false, reason: 'undecodable' });
    // A real PNG sent as a JPEG: the first bytes decide the type, so the two must agree.
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } })
      .png()
      .toBuffer();
    expect(await reencodePhoto(png, 'image/jpeg')).toEqual({ ok: false, reason: 'undecodable' });
  });

  it('refuses a picture with more pixels than any phone takes, before decoding it', async () => {
    // A small PNG whose header says 10,000 × 6,000 (60 MP, 180 MB once decoded).
    const bomb = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: 'white' } })
        .png()
        .toBuffer(),
    );
    bomb.writeUInt32BE(10_000, 16); // IHDR: width, height, then the chunk's CRC over type and data
    bomb.writeUInt32BE(6_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect((await sharp(bomb).metadata()).width).toBe(10_000);
    expect(10_000 * 6_000).toBeGreaterThan(MAX_PHOTO_PIXELS);
    expect(await reencodePhoto(bomb, 'image/png')).toEqual({ ok: false, reason: 'tooManyPixels' });
  });
});
