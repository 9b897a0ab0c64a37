import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locales';

// Sets the interface language and goes back where the user was (only to a path on this site).
export function GET(request: NextRequest) {
  const locale = toLocale(request.nextUrl.searchParams.get('locale'));
  const next = request.nextUrl.searchParams.get('next') ?? '/';
  const target = next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  return response;
}
