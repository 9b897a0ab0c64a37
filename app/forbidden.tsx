import { StatusPage } from '@/components/ui/status-page';

/** forbidden() outside the signed-in pages' frame ((app)/forbidden.tsx answers inside it). */
export default function Forbidden() {
  return <StatusPage code={403} titleKey="forbiddenTitle" bodyKey="forbiddenBody" />;
}
