import { ClientMessages } from '@/components/layout/client-messages';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['common', 'levels', 'roles', 'users']}>{children}</ClientMessages>;
}
