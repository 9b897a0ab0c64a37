import { StatusPage } from '@/components/ui/status-page';

/** forbidden() of a signed-in page: inside the app's frame already. */
export default function Forbidden() {
  return <StatusPage code={403} titleKey="forbiddenTitle" bodyKey="forbiddenBody" />;
}
