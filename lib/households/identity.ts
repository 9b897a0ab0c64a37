// Masking of ID and phone numbers, and pinyin initials of names. Checking the numbers is lib/validation.ts.
import { pinyin } from 'pinyin-pro';

/** Shown masked: first 4 and last 4 characters. */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
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
