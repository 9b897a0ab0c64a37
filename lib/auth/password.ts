// Password policy: at least 10 characters from at least 3 of the 4 classes.
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 10;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;

export function passwordClassCount(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && passwordClassCount(password) >= 3;
}

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's baseline).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
