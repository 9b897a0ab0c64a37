import { NextResponse } from 'next/server';
import { sameOriginPath } from '@/lib/http';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locales';
import { route } from '@/lib/route';
import { servedOverHttps } from '@/lib/security-headers';

// Sets the interface language and goes back where the user was (only to a path on this site).
export const GET = route({ name: 'locale.set', permission: 'public' }, (request) => {
  const locale = toLocale(request.nextUrl.searchParams.get('locale'));
  const target = sameOriginPath(request.nextUrl.searchParams.get('next'), request.url);
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.cookies.set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    secure: servedOverHttps(request.headers),
  });
  return response;
});
