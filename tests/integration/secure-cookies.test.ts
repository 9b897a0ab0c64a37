// Issue 13 item 14: the sign-in cookies are `Secure` when the site is served over https (PUBLIC_URL
// https://…, or the proxy's X-Forwarded-Proto), and plain over the plain http of a county intranet.
import type { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

const CSRF = 'http://bangfu.example/api/auth/csrf';

async function csrfCookies(publicUrl: string | undefined, headers: Record<string, string> = {}) {
  vi.resetModules();
  process.env.AUTH_SECRET = 'secure-cookie-test-secret-0123456789abcdef';
  if (publicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = publicUrl;
  const { GET } = (await vi.importActual<typeof import('@/lib/auth/next-auth')>('@/lib/auth/next-auth')).handlers;
  const response = await GET(new Request(CSRF, { headers }) as NextRequest);
  return response.headers.getSetCookie();
}

describe('sign-in cookies', () => {
  afterEach(() => {
    delete process.env.PUBLIC_URL;
  });

  it('are Secure when PUBLIC_URL is https, even without X-Forwarded-Proto', async () => {
    const cookies = await csrfCookies('https://bangfu.example');
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
  });

  it('are not Secure over plain http', async () => {
    const cookies = await csrfCookies('http://10.1.2.3:3000', { 'x-forwarded-proto': 'https' });
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).not.toMatch(/;\s*Secure/i);
    const plain = await csrfCookies(undefined);
    for (const cookie of plain) expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
