import { ClientMessages } from '@/components/layout/client-messages';

export default function PairingsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['common', 'pairings']}>{children}</ClientMessages>;
}
