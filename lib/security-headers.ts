// The browser-side defences every page answers with (proxy.ts, next.config.ts). Pure.

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next puts it on
 * its own scripts, and 'strict-dynamic' lets those load the rest): no 'unsafe-inline', and no
 * 'unsafe-eval' outside `next dev` (React needs eval there for its error overlay). Style elements need
 * the nonce too, but style *attributes* are allowed: React and recharts render `style="…"`, which no
 * nonce can cover, and a style attribute cannot run code. Upgrading requests to https is asked only
 * of a site served over https: county intranets often serve plain http, where it would break every load.
 */
export function contentSecurityPolicy({
  nonce,
  dev = false,
  https = false,
}: {
  nonce: string;
  dev?: boolean;
  https?: boolean;
}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    dev ? `style-src 'self' 'unsafe-inline'` : `style-src 'self' 'nonce-${nonce}'`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    // The offline app: its service worker and manifest from this site only ('strict-dynamic' would otherwise
    // leave worker-src, which falls back to script-src, without 'self').
    `worker-src 'self'`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** Check-ins use the location and visits the camera, on this site only; every other device feature is off. */
export const PERMISSIONS_POLICY = [
  'geolocation=(self)',
  'camera=(self)',
  ...[
    'microphone',
    'payment',
    'usb',
    'serial',
    'hid',
    'midi',
    'magnetometer',
    'gyroscope',
    'accelerometer',
    'display-capture',
    'xr-spatial-tracking',
  ].map((f) => `${f}=()`),
].join(', ');

/** One year; not includeSubDomains: other hosts of a county's domain may still serve plain http. */
export const HSTS = 'max-age=31536000';

/**
 * Whether the browser reached us over https: PUBLIC_URL says so (https://…), or a trusted proxy in
 * front (TRUSTED_PROXY_HOPS > 0, as for the login throttle) says so in X-Forwarded-Proto. Without a
 * trusted proxy the header is the client's own word and is not taken; `next start` itself serves http.
 */
export function servedOverHttps(headers: Headers, env: Record<string, string | undefined> = process.env): boolean {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.startsWith('https://');
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops <= 0) return false;
  // The nearest proxy's word is the last entry (a proxy that appends rather than replaces).
  return headers.get('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase() === 'https';
}
