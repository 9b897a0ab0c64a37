import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY, servedOverHttps } from '@/lib/security-headers';

const directives = (csp: string) =>
  Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the nonce in production: no unsafe-inline, no unsafe-eval', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123' }));
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp['style-src']).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp['style-src-attr']).toEqual(["'unsafe-inline'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
  });

  it("allows eval only under next dev, which React's error overlay needs", () => {
    expect(directives(contentSecurityPolicy({ nonce: 'n', dev: true }))['script-src']).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n' })).not.toContain('unsafe-eval');
  });

  it('lets this site, and only this site, register the service worker and serve the manifest', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'n' }));
    expect(csp['worker-src']).toEqual(["'self'"]);
    expect(csp['manifest-src']).toEqual(["'self'"]);
  });

  it('upgrades requests only on a site served over https (plain-http intranets would break)', () => {
    expect(contentSecurityPolicy({ nonce: 'n', https: true })).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'n', https: false })).not.toContain('upgrade-insecure-requests');
  });
});

describe('newNonce', () => {
  it('is fresh every time and long enough not to be guessed', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('PERMISSIONS_POLICY', () => {
  it('gives location and camera to this site only and turns the rest off', () => {
    expect(PERMISSIONS_POLICY).toContain('geolocation=(self)');
    expect(PERMISSIONS_POLICY).toContain('camera=(self)');
    for (const feature of ['microphone', 'payment', 'usb']) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
  });
});

describe('servedOverHttps', () => {
  const proto = (value?: string) => new Headers(value ? { 'x-forwarded-proto': value } : {});

  it('believes PUBLIC_URL', () => {
    expect(servedOverHttps(proto(), { PUBLIC_URL: 'https://bangfu.example.gov.cn' })).toBe(true);
    expect(servedOverHttps(proto('https'), { PUBLIC_URL: 'http://10.1.2.3:3000', TRUSTED_PROXY_HOPS: '1' })).toBe(
      false,
    );
  });

  it("ignores a client's own X-Forwarded-Proto when no proxy is trusted", () => {
    expect(servedOverHttps(proto('https'), {})).toBe(false);
    expect(servedOverHttps(proto('https'), { TRUSTED_PROXY_HOPS: '0' })).toBe(false);
    expect(servedOverHttps(proto('https'), { TRUSTED_PROXY_HOPS: 'x' })).toBe(false);
  });

  it("takes the trusted proxy's word: the last entry", () => {
    expect(servedOverHttps(proto('https'), { TRUSTED_PROXY_HOPS: '1' })).toBe(true);
    expect(servedOverHttps(proto('http'), { TRUSTED_PROXY_HOPS: '1' })).toBe(false);
    expect(servedOverHttps(proto('https, http'), { TRUSTED_PROXY_HOPS: '1' })).toBe(false);
    expect(servedOverHttps(proto(), { TRUSTED_PROXY_HOPS: '1' })).toBe(false);
  });
});
