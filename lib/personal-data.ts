// ID and phone numbers are stored encrypted (AES-256-GCM); a keyed HMAC gives exact lookups and
// uniqueness without the clear number. The key comes from PII_KEY (32 bytes, base64).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

let cachedKey: { value: string; buffer: Buffer } | null = null;

function key(): Buffer {
  const value = process.env.PII_KEY;
  if (!value) throw new Error('PII_KEY is not set (npm start creates one in .data/pii-key).');
  if (cachedKey?.value === value) return cachedKey.buffer;
  const buffer = Buffer.from(value, 'base64');
  if (buffer.length !== 32) throw new Error('PII_KEY must be 32 bytes, base64-encoded.');
  cachedKey = { value, buffer };
  return buffer;
}

// Random IVs drawn from a pool: one call to the system's generator per 341 IVs, not one each (the
// bulk seed encrypts millions of ID numbers). Every IV is still 12 fresh random bytes, used once.
const IV_BYTES = 12;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 341);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

/** "v1.<iv>.<tag>.<ciphertext>", all base64url. */
export function encryptText(plain: string): string {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(
    '.',
  );
}

export function decryptText(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1') throw new Error('Unknown encryption version');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Deterministic keyed hash for equality lookups (different key from encryption by domain separation). */
export function lookupHash(value: string): string {
  return createHmac('sha256', key()).update(`lookup:${value}`).digest('hex');
}
