import { ClientMessages } from '@/components/layout/client-messages';

export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['auth']}>{children}</ClientMessages>;
}
