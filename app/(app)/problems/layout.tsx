import { ClientMessages } from '@/components/layout/client-messages';

export default function ProblemsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['common', 'problems']}>{children}</ClientMessages>;
}
