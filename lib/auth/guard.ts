import 'server-only';
import { forbidden } from 'next/navigation';
import { requireViewer, type Viewer } from './data';
import { can, type Permission } from './permissions';

/** For data functions: the 403 (Next's forbidden()) unless the viewer holds the permission. */
export function requireCan(viewer: Viewer, permission: Permission): void {
  if (!can(viewer.role, permission)) forbidden();
}

/** For pages: the viewer if they hold the permission, else the 403 page. */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer.role, permission)) forbidden();
  return viewer;
}
