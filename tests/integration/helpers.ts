import type { ActionState } from '@/lib/action-state';
import type { Viewer } from '@/lib/auth/data';
import { db } from '@/lib/db';
import { refreshFigures } from '@/lib/figures/commands';
import { testViewer } from '../support/viewer';

/** Signs the tests in as a seeded user (the real session check is tested in auth.test.ts). */
export async function signInAs(username: string): Promise<Viewer> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { scope: true } });
  testViewer.current = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeCode: user.scopeCode,
    scopeName: user.scope.name,
    sessionId: 'test-session',
    mustChangePassword: user.mustChangePassword,
  };
  return testViewer.current;
}

export function signOutAll() {
  testViewer.current = null;
}

export function formData(values: Record<string, string | number | boolean | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) data.set(key, String(value));
  return data;
}

/** Runs an action and returns its state; a redirect (the success path of some actions) counts as ok. */
export async function run(
  fn: (prev: ActionState, input: FormData | Record<string, unknown>) => Promise<ActionState>,
  values: Record<string, string | number | boolean | undefined>,
): Promise<ActionState & { redirectedTo?: string }> {
  try {
    return await fn({ ok: false }, formData(values));
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT')) return { ok: true, redirectedTo: digest.split(';')[2] };
    throw error;
  }
}

export async function lastAudit(action: string) {
  return db.auditLog.findFirst({ where: { action }, orderBy: { id: 'desc' } });
}

export const TOWNSHIP_1 = '990102101';
export const TOWNSHIP_2 = '990102102';
export const OTHER_COUNTY = '990103';

/**
 * Every village's kept figures computed now. A page's read refreshes at most 60 stale villages (the test seed
 * marks every village), so a test that reads whole-county figures computes them all first.
 */
export async function refreshAllFigures() {
  while ((await refreshFigures({ limit: 500, wait: true })).remaining > 0);
}
