import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/data';

export default async function RegionsIndex() {
  const viewer = await requireViewer();
  redirect(`/regions/${viewer.scopeCode}`);
}
