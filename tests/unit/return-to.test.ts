// After signing in, the user lands on the page that asked for it, and only on a page of this site.
import { describe, expect, it } from 'vitest';
import { loginPathFor, returnPath } from '@/lib/auth/return-to';

describe('the page to return to after signing in', () => {
  it('keeps a local path with its query', () => {
    expect(returnPath('/households/12?tab=plan')).toBe('/households/12?tab=plan');
    expect(loginPathFor('/teams/3/attendance?month=2026-12')).toBe(
      '/login?next=%2Fteams%2F3%2Fattendance%3Fmonth%3D2026-12',
    );
  });

  it('refuses other hosts, schemes, control characters, the login page itself and non-strings', () => {
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/households\n/x',
      '/login?next=/x',
      '/change-password',
      '/',
      '',
      `/${'a'.repeat(2_001)}`,
      ['/households'],
      null,
    ])
      expect(returnPath(bad)).toBeNull();
    expect(loginPathFor('//evil.example')).toBe('/login');
    expect(loginPathFor(null)).toBe('/login');
  });
});
