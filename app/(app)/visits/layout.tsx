import { ClientMessages } from '@/components/layout/client-messages';

export default function VisitsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['monitoring', 'problems', 'visits']}>{children}</ClientMessages>;
}
