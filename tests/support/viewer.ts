import type { Viewer } from '@/lib/auth/data';

/** Who the integration tests are signed in as (read by the mocked getViewer). */
export const testViewer: { current: Viewer | null } = { current: null };
