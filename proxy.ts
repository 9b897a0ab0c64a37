import { type NextRequest, NextResponse } from 'next/server';
import { PAGE_PATH_HEADER } from '@/lib/auth/return-to';
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps } from '@/lib/security-headers';

/**
 * Each page gets its own nonce in its Content-Security-Policy: Next reads the nonce from the request's
 * CSP header and puts it on the scripts it renders (so every page renders per request, as the app's
 * pages already do: they read the session cookie). HSTS only over https. No authorization here:
 * pages, actions and routes check for themselves.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers);
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === 'development', https });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  // Set here, never taken from the client: a page that needs a sign-in sends the user back to it afterwards.
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  // Pages only: route handlers answer files and JSON, and link prefetches render no HTML.
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
