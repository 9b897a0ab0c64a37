import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, minutesLeft } from '@/lib/auth/throttle';

describe('client address for the login throttle', () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
  });

  it('ignores what a client puts in X-Forwarded-For when no proxy is trusted', () => {
    // What the server sees after scripts/peer-address.cjs appended the socket's address.
    expect(clientAddress('6.6.6.6, 10.1.2.3', 0)).toBe('10.1.2.3');
    expect(clientAddress('1.1.1.1,2.2.2.2, 3.3.3.3 , 10.1.2.3', 0)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', 0)).toBe('10.1.2.3');
    expect(clientAddress('::ffff:10.1.2.3', 0)).toBe('10.1.2.3');
  });

  it('takes the address a trusted proxy saw, never the entries a client sent before it', () => {
    // client sent "6.6.6.6"; nginx appended the client's real address; the hook appended nginx's.
    expect(clientAddress('6.6.6.6, 172.16.0.9, 127.0.0.1', 1)).toBe('172.16.0.9');
    expect(clientAddress('6.6.6.6, 172.16.0.9, 10.0.0.2, 127.0.0.1', 2)).toBe('172.16.0.9');
    // A request that reached the server directly has fewer entries: its socket's own address.
    expect(clientAddress('127.0.0.1', 1)).toBe('127.0.0.1');
  });

  it('reads the number of trusted proxies from TRUSTED_PROXY_HOPS, default none', () => {
    expect(clientAddress('6.6.6.6, 10.1.2.3')).toBe('10.1.2.3');
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(clientAddress('6.6.6.6, 10.1.2.3')).toBe('6.6.6.6');
    process.env.TRUSTED_PROXY_HOPS = 'junk';
    expect(clientAddress('6.6.6.6, 10.1.2.3')).toBe('10.1.2.3');
  });

  it('answers "unknown" without a header', () => {
    expect(clientAddress(null, 0)).toBe('unknown');
    expect(clientAddress('', 0)).toBe('unknown');
  });

  it('counts minutes left, at least one', () => {
    const now = new Date('2026-03-01T08:00:00Z');
    expect(minutesLeft(new Date(now.getTime() + 14 * 60_000 + 1), now)).toBe(15);
    expect(minutesLeft(new Date(now.getTime() + 10), now)).toBe(1);
  });
});

describe('scripts/peer-address.cjs', () => {
  it("appends the socket's address to a client-sent X-Forwarded-For, so the last entry is always the peer", async () => {
    createRequire(import.meta.url)('../../scripts/peer-address.cjs');
    const seen: (string | undefined)[] = [];
    const server = http.createServer((request, response) => {
      seen.push(request.headers['x-forwarded-for'] as string | undefined);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '6.6.6.6' } });
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      server.close();
    }
    expect(seen).toEqual(['6.6.6.6, 127.0.0.1', '127.0.0.1']);
    expect(seen.map((header) => clientAddress(header ?? null, 0))).toEqual(['127.0.0.1', '127.0.0.1']);
  });
});
