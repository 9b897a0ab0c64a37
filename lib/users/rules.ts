import { randomInt } from 'node:crypto';
import { meetsPasswordPolicy } from '@/lib/auth/password';
import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/enums';

// Without look-alikes (no O/o beside 0, no l/I beside 1, and only the digit of 2/Z, 5/S, 8/B, 6/G, 9/g/q, nor
// u/v) so a clerk can read it out over the phone and the user can type it from a note.
export const PASSWORD_ALPHABET = 'abcdefhijkmnprtwxyACDEFHJKLMNPQRTWXY23456789';
const ALPHABET = PASSWORD_ALPHABET;
const SYMBOLS = '@#%+=';

/** A password to hand to a new user; they must change it at first login. */
export function issuePassword(length = 12): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < length - 1; i++) password += ALPHABET[randomInt(ALPHABET.length)];
    password += SYMBOLS[randomInt(SYMBOLS.length)];
    if (meetsPasswordPolicy(password)) return password;
  }
}

/** Roles whose account is a cadre's own: it checks in, visits and sees "my households" as that cadre. */
export const CADRE_ROLES: readonly Role[] = ['TEAM_LEADER', 'TEAM_MEMBER', 'PAIRING_CADRE'];

/** The area a role works at: field roles at a village, township staff at a township, and so on. */
export const SCOPE_LEVELS: Record<Role, readonly number[]> = {
  SYSTEM_ADMIN: [4, 6],
  COUNTY_ADMIN: [6],
  TOWNSHIP_STAFF: [9],
  TEAM_LEADER: [12],
  TEAM_MEMBER: [12],
  PAIRING_CADRE: [6, 9, 12],
  LEADER: [4, 6, 9],
  INSPECTOR: [4, 6, 9],
  AUDITOR: [4, 6],
};

export function scopeFitsRole(role: Role, scopeCode: string): boolean {
  return SCOPE_LEVELS[role].includes(scopeCode.length);
}

/**
 * Separation of duties: an account that sees area data (households, ID numbers), or a password reset of
 * one, waits for a county office admin's approval; only the pure account roles take effect at once.
 */
export function needsApproval(role: Role): boolean {
  return can(role, 'household.view');
}
