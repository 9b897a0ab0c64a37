import { ClientMessages } from '@/components/layout/client-messages';

export default function AssessmentLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['common', 'inspections', 'problems']}>{children}</ClientMessages>;
}
