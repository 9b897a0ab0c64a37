import { AppShell } from '@/components/layout/app-shell';
import { StatusPage } from '@/components/ui/status-page';
import { getViewer } from '@/lib/auth/data';

/** An address outside the app's pages: for a signed-in user inside the app's frame, so the menus lead on. */
export default async function NotFound() {
  const page = <StatusPage code={404} titleKey="notFoundTitle" bodyKey="notFoundBody" />;
  const viewer = await getViewer();
  return viewer && !viewer.mustChangePassword ? <AppShell viewer={viewer}>{page}</AppShell> : page;
}
