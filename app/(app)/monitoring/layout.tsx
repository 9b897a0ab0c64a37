import { ClientMessages } from '@/components/layout/client-messages';

export default function MonitoringLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['monitoring', 'plans']}>{children}</ClientMessages>;
}
