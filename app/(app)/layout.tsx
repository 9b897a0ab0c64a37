import { AppShell } from '@/components/layout/app-shell';
import { requireViewer } from '@/lib/auth/data';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
