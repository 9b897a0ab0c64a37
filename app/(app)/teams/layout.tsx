import { ClientMessages } from '@/components/layout/client-messages';

export default function TeamsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['common', 'teams']}>{children}</ClientMessages>;
}
