import { AppShell } from '@/components/layout/app-shell';
import { StatusPage } from '@/components/ui/status-page';
import { getViewer } from '@/lib/auth/data';

/** An address outside the app's pages: for a signed-in user inside the app's frame, so the menus lead on. */
export default async function Forbidden() {
  const page = <StatusPage code={403} titleKey="forbiddenTitle" bodyKey="forbiddenBody" />;
  const viewer = await getViewer();
  return viewer && !viewer.mustChangePassword ? <AppShell viewer={viewer}>{page}</AppShell> : page;
}
