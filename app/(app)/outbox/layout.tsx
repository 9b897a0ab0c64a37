import { ClientMessages } from '@/components/layout/client-messages';

export default function OutboxLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['attendance', 'problems', 'projects', 'visits']}>{children}</ClientMessages>;
}
