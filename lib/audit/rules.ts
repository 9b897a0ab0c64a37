// What an audit row may hold: never a password, personal numbers only masked.
export type AuditChanges = Record<string, unknown>;

const SECRET_KEY = /password|secret|token/i;
const PERSONAL_KEY = /idNumber|phone/i;

export function maskMiddle(value: string, keepStart = 4, keepEnd = 4): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd);
}

export function sanitizeChanges(changes: AuditChanges | undefined): AuditChanges | undefined {
  if (!changes) return undefined;
  const clean: AuditChanges = {};
  for (const [key, value] of Object.entries(changes)) {
    if (SECRET_KEY.test(key)) clean[key] = '[hidden]';
    else if (PERSONAL_KEY.test(key) && typeof value === 'string') clean[key] = maskMiddle(value);
    else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date))
      clean[key] = sanitizeChanges(value as AuditChanges);
    else clean[key] = value;
  }
  return clean;
}

/** Field-by-field old → new for the fields that changed. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const from = before[key];
    const to = after[key];
    if (to !== undefined && String(from ?? '') !== String(to ?? ''))
      changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
