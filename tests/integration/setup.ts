import { inject, vi } from 'vitest';
import { TEST_PII_KEY } from '../support/keys';
import { testViewer } from '../support/viewer';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.PII_KEY = TEST_PII_KEY;

// Outside a Next request there is no cache to revalidate and no session cookie:
// the tests choose who is signed in; everything below getViewer() is the real code.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('@/lib/auth/data', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/data')>();
  return { ...real, getViewer: vi.fn(async () => testViewer.current) };
});
vi.mock('@/lib/auth/next-auth', () => ({
  auth: vi.fn(async () => null),
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));
