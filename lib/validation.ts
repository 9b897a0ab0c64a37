// Shared zod pieces for form input (everything arrives as strings) and the mapping of
// zod issues to message keys in messages/*.json.
import { z } from 'zod';
import { chinaToday, isoDay } from '@/lib/time';

// No compiled parsers: zod probes for them with Function(''), which the pages' CSP refuses (and reports) in the browser.
z.config({ jitless: true });

export function zodIssueKey(issue: z.core.$ZodIssue): { key: string; params?: Record<string, string | number> } {
  if (/^[a-z]+\.[A-Za-z.]+$/.test(issue.message)) return { key: issue.message }; // our own message keys
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'errors.required' };
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? { key: 'errors.required' }
          : { key: 'errors.tooShort', params: { min: Number(issue.minimum) } }
        : { key: 'errors.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'errors.tooLong', params: { max: Number(issue.maximum) } }
        : { key: 'errors.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'errors.invalidChoice' };
    default:
      return { key: 'errors.invalid' };
  }
}

/** A required text field: trimmed, not empty. */
export const text = (max: number) => z.string().trim().min(1, { error: 'errors.required' }).max(max);

/** An optional text field: empty input becomes undefined. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max).optional(),
  );

/** Empty → "required"; anything else that is not a number → "enter a number". */
const numberError = (issue: { code?: string; input?: unknown }) =>
  issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'errors.required' : 'errors.number';
const toNumber = (v: unknown) =>
  v === '' || v === undefined || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v;

/** A whole number typed into a field. */
export const integer = (min: number, max: number) =>
  z.preprocess(toNumber, z.number({ error: numberError }).int({ error: 'errors.integer' }).min(min).max(max));

export const optionalInteger = (min: number, max: number) =>
  z.preprocess(
    toNumber,
    z.number({ error: numberError }).int({ error: 'errors.integer' }).min(min).max(max).optional(),
  );

export const optionalNumber = (min: number, max: number) =>
  z.preprocess(toNumber, z.number({ error: numberError }).min(min).max(max).optional());

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** The record version the form was loaded with (optimistic locking). */
export const version = integer(1, 2_147_483_647);

/** A record id from a hidden field: within PostgreSQL's integer, as parseId (lib/http.ts) for URLs. */
export const recordId = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v) : v),
  z
    .number({ error: 'errors.invalid' })
    .int({ error: 'errors.invalid' })
    .positive({ error: 'errors.invalid' })
    .max(2_147_483_647, { error: 'errors.notFound' }),
);

/** The same, from a field that may be left empty. */
/** A record picked from a list: left at "请选择" it asks for a choice instead of calling the format wrong. */
export const chosenRecordId = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
  z
    .number({ error: 'errors.invalidChoice' })
    .int({ error: 'errors.invalid' })
    .positive({ error: 'errors.invalid' })
    .max(2_147_483_647, { error: 'errors.notFound' }),
);

export const optionalRecordId = z.preprocess((v) => (v === '' ? undefined : v), recordId.optional());

/**
 * The key a phone makes for an entry before its first send (the outbox): a UUID, lower-cased so the
 * same key in either case is the same entry. However often the entry is sent, it is stored once.
 */
export const clientKey = z
  .string({ error: 'errors.invalid' })
  .trim()
  .toLowerCase()
  .pipe(z.uuid({ error: 'errors.invalid' }));

/** The same for forms that may send one (the outbox) or not (an online form). */
export const optionalClientKey = z.preprocess((v) => (v === '' || v === null ? undefined : v), clientKey.optional());

/** A calendar day typed into a date field ('YYYY-MM-DD'). */
export const isoDate = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .pipe(z.iso.date({ error: 'errors.invalidDate' }));

export const optionalIsoDate = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.iso.date({ error: 'errors.invalidDate' }).optional(),
);

// ─────────────────────────── ID and phone numbers ───────────────────────────
// National ID numbers (GB 11643-1999) and phone numbers, as every form that takes a person's numbers
// checks them: households, members, cadres, team members.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
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
  // The birth date is a calendar date (UTC midnight): a child born today is born on China's today, not
  // "in the future" until 08:00 China time.
  if (
    year < 1900 ||
    birthDate.getUTCMonth() !== month - 1 ||
    birthDate.getUTCDate() !== day ||
    isoDay(birthDate) > chinaToday(today)
  )
    return { ok: false, reason: 'birthDate' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checkDigit' };
  return { ok: true, idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

export function normalisePhone(value: string): string {
  return value.trim().replace(/[\s-]/g, '');
}

/** A mainland mobile number, or a landline with its area code (e.g. 0938-1234567). */
export function isPhoneNumber(value: string): boolean {
  const phone = normalisePhone(value);
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}\d{7,8}$/.test(phone);
}

const ID_ERRORS = {
  format: 'households.idFormat',
  birthDate: 'households.idBirthDate',
  checkDigit: 'households.idCheckDigit',
} as const;

/** An ID number with its GB 11643 check digit; the message says what is wrong. */
export const idNumber = z
  .string()
  .transform(normaliseIdNumber)
  .superRefine((value, ctx) => {
    if (!value) return void ctx.addIssue({ code: 'custom', message: 'errors.required' });
    const check = checkIdNumber(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: ID_ERRORS[check.reason] });
  });

/** A phone number that may be left empty (undefined). */
/** An ID number that may be left blank (an edit that keeps the stored one). */
export const optionalIdNumber = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  idNumber.optional(),
);

export const optionalPhone = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? normalisePhone(v) : v),
  z.string().refine(isPhoneNumber, { error: 'households.phoneFormat' }).optional(),
);
