import { describe, expect, it } from 'vitest';
import { can, ROLE_PERMISSIONS, ROLES } from '@/lib/auth/permissions';
import { needsApproval, scopeFitsRole } from '@/lib/users/rules';
import { createUserSchema } from '@/lib/users/schema';
import { zodIssueKey } from '@/lib/validation';

describe('roles', () => {
  it('keeps the system administrator away from area data', () => {
    expect(can('SYSTEM_ADMIN', 'user.manage')).toBe(true);
    expect(can('SYSTEM_ADMIN', 'region.view')).toBe(false);
    expect(can('AUDITOR', 'region.view')).toBe(false);
    expect(can('LEADER', 'region.edit')).toBe(false);
    expect(Object.values(ROLE_PERMISSIONS).every((perms) => perms.includes('account.self'))).toBe(true);
  });

  it('makes every account with area data wait for a county office admin, and only the county office approve', () => {
    expect(ROLES.filter((role) => !needsApproval(role))).toEqual(['SYSTEM_ADMIN', 'AUDITOR']);
    expect(ROLES.filter((role) => can(role, 'user.approve'))).toEqual(['COUNTY_ADMIN']);
    // Nobody both manages accounts and approves them.
    expect(ROLES.filter((role) => can(role, 'user.approve') && can(role, 'user.manage'))).toEqual([]);
  });

  it('ties each role to the level of its area', () => {
    expect(scopeFitsRole('TOWNSHIP_STAFF', '990102101')).toBe(true);
    expect(scopeFitsRole('TOWNSHIP_STAFF', '990102')).toBe(false);
    expect(scopeFitsRole('TEAM_MEMBER', '990102101201')).toBe(true);
    expect(scopeFitsRole('COUNTY_ADMIN', '990102101201')).toBe(false);
  });
});

describe('account input', () => {
  it('refuses unknown fields and bad usernames with message keys', () => {
    const unknown = createUserSchema.safeParse({
      username: 'wang',
      displayName: '王',
      role: 'LEADER',
      scopeCode: '990102',
      isAdmin: 'yes',
    });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0].code).toBe('unrecognized_keys');
    const bad = createUserSchema.safeParse({ username: 'Wang Li', displayName: '', role: 'KING', scopeCode: '99010' });
    const keys = Object.fromEntries(bad.error!.issues.map((issue) => [String(issue.path[0]), zodIssueKey(issue).key]));
    expect(keys).toEqual({
      username: 'users.usernameRule',
      displayName: 'errors.required',
      role: 'errors.invalidChoice',
      scopeCode: 'errors.invalidChoice',
    });
  });
});
