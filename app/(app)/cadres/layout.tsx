import { ClientMessages } from '@/components/layout/client-messages';

export default function CadresLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['common', 'pairings', 'teams']}>{children}</ClientMessages>;
}
