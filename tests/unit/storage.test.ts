// Photo storage (lib/storage.ts): the type is told by the first bytes, never by a name; keys are made
// here. 'server-only' is aliased to an empty module in vitest.config.ts, so the module imports as is.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, readStored, sniffPhotoType, storePhoto } from '@/lib/storage';

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
});
