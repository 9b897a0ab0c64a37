// National ID numbers (GB 11643-1999), phone numbers, masking and pinyin initials.
import { pinyin } from 'pinyin-pro';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function normaliseIdNumber(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

export type IdCheck =
  | { ok: true; idNumber: string; birthDate: Date; sex: 'MALE' | 'FEMALE' }
  | { ok: false; reason: 'format' | 'birthDate' | 'checkDigit' };

/** Validates an 18-character ID number and reads the birth date and sex from it. */
export function checkIdNumber(value: string, today = new Date()): IdCheck {
  const id = normaliseIdNumber(value);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = new Date(Date.UTC(year, month - 1, day));
  // The birth date is a calendar date (UTC midnight); compare it with today's date in China (UTC+8),
  // or a child born today is "in the future" until 08:00 China time.
  const todayInChina = new Date(today.getTime() + 8 * 3_600_000);
  if (
    year < 1900 ||
    birthDate.getUTCMonth() !== month - 1 ||
    birthDate.getUTCDate() !== day ||
    birthDate > todayInChina
  )
    return { ok: false, reason: 'birthDate' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checkDigit' };
  return { ok: true, idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

/** Shown masked: first 4 and last 4 characters. */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function normalisePhone(value: string): string {
  return value.trim().replace(/[\s-]/g, '');
}

/** A mainland mobile number, or a landline with its area code (e.g. 0938-1234567). */
export function isPhoneNumber(value: string): boolean {
  const phone = normalisePhone(value);
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}\d{7,8}$/.test(phone);
}

export function maskPhone(phone: string): string {
  return phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Pinyin initials in lower case: 张三丰 → "zsf". Letters and digits that are not Chinese are kept. */
export function pinyinInitials(name: string): string {
  // surname: 'head' reads the first character as a surname: 曾 zēng, 单 shàn, 解 xiè, 仇 qiú, not céng/dān/jiě/chóu.
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
