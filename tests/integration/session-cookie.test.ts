// The real getViewer() (setup.ts mocks it for the other tests): it reads the sign-in cookie next-auth set,
// decodes it with the server's secret and loads the session it names; anything else is nobody.
import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';

const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    has: (name: string) => jar.has(name),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
  }),
  headers: async () => new Headers(),
}));

const SECRET = 'session-cookie-test-secret-0123456789abcdef';
const PLAIN = 'authjs.session-token';
const SECURE = '__Secure-authjs.session-token';

const { getViewer } = await vi.importActual<typeof import('@/lib/auth/data')>('@/lib/auth/data');

let sessionId = '';
beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  const user = await db.user.findUniqueOrThrow({ where: { username: 'county' } });
  sessionId = randomBytes(24).toString('base64url');
  await db.userSession.create({ data: { id: sessionId, userId: user.id, sessionVersion: user.sessionVersion } });
});
afterAll(async () => {
  await db.userSession.deleteMany({ where: { id: sessionId } });
});

/** The viewer of a request that carries exactly these cookies. */
async function viewerWith(cookies: Record<string, string>) {
  jar.clear();
  for (const [name, value] of Object.entries(cookies)) jar.set(name, value);
  return getViewer();
}

const token = (salt: string, options: { secret?: string; maxAge?: number; sid?: string } = {}) =>
  encode({
    token: { sid: options.sid ?? sessionId },
    secret: options.secret ?? SECRET,
    salt,
    maxAge: options.maxAge ?? 3600,
  });

describe('the sign-in cookie', () => {
  it('names the session of its user, under its plain name and under its https name', async () => {
    expect(await viewerWith({ [PLAIN]: await token(PLAIN) })).toMatchObject({ username: 'county', sessionId });
    expect(await viewerWith({ [SECURE]: await token(SECURE) })).toMatchObject({ username: 'county', sessionId });
  });

  it('is nobody when missing, made with another secret, expired, moved to the other name or naming no open session', async () => {
    expect(await viewerWith({})).toBeNull();
    expect(
      await viewerWith({ [PLAIN]: await token(PLAIN, { secret: 'another-secret-0123456789abcdefghijkl' }) }),
    ).toBeNull();
    expect(await viewerWith({ [PLAIN]: await token(PLAIN, { maxAge: -60 }) })).toBeNull();
    expect(await viewerWith({ [SECURE]: await token(PLAIN) })).toBeNull();
    expect(await viewerWith({ [PLAIN]: await token(PLAIN, { sid: 'no-such-session' }) })).toBeNull();
    expect(await viewerWith({ [PLAIN]: 'not-a-token' })).toBeNull();
  });

  it('ends with the session: a signed-out session is nobody though its cookie is still sound', async () => {
    const cookie = await token(PLAIN);
    await db.userSession.update({ where: { id: sessionId }, data: { endedAt: new Date() } });
    expect(await viewerWith({ [PLAIN]: cookie })).toBeNull();
    await db.userSession.update({ where: { id: sessionId }, data: { endedAt: null } });
  });
});
