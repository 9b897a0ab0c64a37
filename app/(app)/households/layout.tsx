import { ClientMessages } from '@/components/layout/client-messages';

export default function HouseholdsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['households', 'pairings']}>{children}</ClientMessages>;
}
