import { describe, expect, it } from 'vitest';
import { hashPassword, meetsPasswordPolicy, passwordClassCount, verifyPassword } from '@/lib/auth/password';
import { issuePassword } from '@/lib/users/rules';

describe('password policy', () => {
  it('needs 10 characters', () => {
    expect(meetsPasswordPolicy('Abcdef12!')).toBe(false); // 9
    expect(meetsPasswordPolicy('Abcdef123!')).toBe(true); // 10
  });

  it('needs 3 of the 4 character classes', () => {
    expect(passwordClassCount('abcdefghij')).toBe(1);
    expect(meetsPasswordPolicy('abcdefgh12')).toBe(false); // 2 classes
    expect(meetsPasswordPolicy('Abcdefgh12')).toBe(true);
    expect(meetsPasswordPolicy('abcdefg12#')).toBe(true);
    expect(meetsPasswordPolicy('驻村帮扶驻村帮扶A1')).toBe(true); // Chinese counts as a symbol
  });

  it('issues passwords that meet the policy, without characters that look alike', () => {
    for (let i = 0; i < 200; i++) {
      const password = issuePassword();
      expect(meetsPasswordPolicy(password)).toBe(true);
      expect(password).not.toMatch(/[0Oo1lIZzSsBGgqUuVv]/);
    }
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Bangfu@2026');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'Bangfu@2026')).toBe(true);
    expect(await verifyPassword(hash, 'bangfu@2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
