// Where photos live: the server's disk (default, `.data/uploads`, or UPLOAD_DIR) or an S3-compatible
// store when S3_ENDPOINT is set (S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION).
// Keys are made here (random, no user input), so they are safe as file names and object keys.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import sharp from 'sharp';

/** Photos only: what phones produce. Checked by the file's first bytes, not by its name. */
export const PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type PhotoType = keyof typeof PHOTO_TYPES;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP')
    return 'image/webp';
  return null;
}

/** Larger than any phone's default photo (a 48 MP sensor is 8064 × 6048); beyond it decoding alone could exhaust memory. */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** What is kept: enough to read a document or a face on a screen, small enough for a weak signal. */
export const MAX_PHOTO_SIDE = 2560;

export type ReencodeResult =
  | { ok: true; body: Buffer; type: PhotoType; width: number; height: number }
  | { ok: false; reason: 'undecodable' | 'tooManyPixels' };

/**
 * Decodes the photo and writes it anew: the only bytes stored are ones an image library produced.
 * Turned upright by its EXIF orientation, then every metadata block (EXIF with GPS, XMP, comments)
 * is left behind; the long side is brought down to MAX_PHOTO_SIDE. JPEG stays JPEG; PNG and WebP
 * are re-encoded as what they were (screenshots keep their sharp text).
 */
export async function reencodePhoto(bytes: Uint8Array, type: PhotoType): Promise<ReencodeResult> {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', animated: false });
    const meta = await image.metadata();
    const format = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' }[type];
    if (meta.format !== format) return { ok: false, reason: 'undecodable' }; // the first bytes lied
    const pipeline = image
      .rotate()
      .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      type === 'image/png'
        ? pipeline.png({ compressionLevel: 9 })
        : type === 'image/webp'
          ? pipeline.webp({ quality: 82 })
          : pipeline.jpeg({ quality: 82, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ok: true, body: data, type, width: info.width, height: info.height };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return { ok: false, reason: /pixel limit/i.test(message) ? 'tooManyPixels' : 'undecodable' };
  }
}

type Store = {
  put(key: string, body: Uint8Array, type: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
};

function diskStore(root: string): Store {
  return {
    async put(key, body) {
      const file = path.join(root, key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body, { flag: 'wx' });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(path.join(root, key)));
      } catch {
        return null;
      }
    },
    async remove(key) {
      await rm(path.join(root, key), { force: true });
    },
  };
}

function s3Store(s3Endpoint: string): Store {
  const endpoint = s3Endpoint.replace(/\/$/, '');
  const bucket = process.env.S3_BUCKET ?? 'bangfu';
  const client = new AwsClient({
    accessKeyId: process.env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? '',
    service: 's3',
    region: process.env.S3_REGION ?? 'us-east-1',
  });
  const url = (key: string) => `${endpoint}/${bucket}/${key}`; // path style: works with MinIO and most self-hosted stores
  return {
    async put(key, body, type) {
      const response = await client.fetch(url(key), {
        method: 'PUT',
        body: new Uint8Array(body),
        headers: { 'content-type': type },
      });
      if (!response.ok) throw new Error(`S3 PUT ${key}: ${response.status}`);
    },
    async get(key) {
      const response = await client.fetch(url(key));
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`S3 GET ${key}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async remove(key) {
      const response = await client.fetch(url(key), { method: 'DELETE' });
      if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key}: ${response.status}`);
    },
  };
}

let store: Store | null = null;
function current(): Store {
  store ??= process.env.S3_ENDPOINT
    ? s3Store(process.env.S3_ENDPOINT)
    : diskStore(path.resolve(process.env.UPLOAD_DIR ?? '.data/uploads'));
  return store;
}

/** Stores a photo under a new key ('2026/12/<uuid>.jpg') and returns the key. */
export async function storePhoto(body: Uint8Array, type: PhotoType, today: string): Promise<string> {
  const key = `${today.slice(0, 4)}/${today.slice(5, 7)}/${randomUUID()}.${PHOTO_TYPES[type]}`;
  await current().put(key, body, type);
  return key;
}

export function readStored(key: string): Promise<Uint8Array | null> {
  return current().get(key);
}

/** Removes a stored photo; a key already gone is not an error. */
export function removeStored(key: string): Promise<void> {
  return current().remove(key);
}
