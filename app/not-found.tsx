import { StatusPage } from '@/components/ui/status-page';

/** notFound() outside the signed-in pages; an unknown address is answered inside the frame ((app)/[...missing]). */
export default function NotFound() {
  return <StatusPage code={404} titleKey="notFoundTitle" bodyKey="notFoundBody" />;
}
