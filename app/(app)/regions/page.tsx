import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';

export default async function RegionsIndex() {
  const viewer = await requirePermission('region.view');
  redirect(`/regions/${viewer.scopeCode}`);
}
