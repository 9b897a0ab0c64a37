import { ClientMessages } from '@/components/layout/client-messages';

export default function RegionsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['regions']}>{children}</ClientMessages>;
}
