import { StatusPage } from '@/components/ui/status-page';

/** notFound() of a signed-in page: inside the app's frame already (the root one frames unmatched addresses). */
export default function NotFound() {
  return <StatusPage code={404} titleKey="notFoundTitle" bodyKey="notFoundBody" />;
}
