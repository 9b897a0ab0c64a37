// Who may do what. The server enforces these in every action and data function;
// the UI uses `can()` only to hide what a user may not use.
import type { Role } from '@/lib/generated/prisma/enums';

export const PERMISSIONS = [
  'region.view', // browse the area tree and village figures
  'region.edit', // edit village attributes (poor-village flag, exit year, location)
  'policy.view',
  'policy.edit',
  'user.manage', // accounts: create, disable, reset password, change role/scope
  'audit.view',
  'account.self', // change one's own password, sign out
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'SYSTEM_ADMIN',
  'COUNTY_ADMIN',
  'TOWNSHIP_STAFF',
  'TEAM_LEADER',
  'TEAM_MEMBER',
  'PAIRING_CADRE',
  'LEADER',
  'INSPECTOR',
  'AUDITOR',
] as const satisfies readonly Role[];

const FIELD_ROLE: readonly Permission[] = ['region.view', 'account.self'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Manages accounts only: sees no household or village data.
  SYSTEM_ADMIN: ['user.manage', 'account.self'],
  COUNTY_ADMIN: ['region.view', 'region.edit', 'policy.view', 'policy.edit', 'account.self'],
  TOWNSHIP_STAFF: ['region.view', 'policy.view', 'account.self'],
  TEAM_LEADER: FIELD_ROLE,
  TEAM_MEMBER: FIELD_ROLE,
  PAIRING_CADRE: FIELD_ROLE,
  LEADER: ['region.view', 'policy.view', 'account.self'],
  INSPECTOR: ['region.view', 'policy.view', 'account.self'],
  AUDITOR: ['audit.view', 'account.self'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
