// Shared zod pieces for form input (everything arrives as strings) and the mapping of
// zod issues to message keys in messages/*.json.
import { z } from 'zod';

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
export const optionalRecordId = z.preprocess((v) => (v === '' ? undefined : v), recordId.optional());

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
