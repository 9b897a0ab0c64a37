import { ClientMessages } from '@/components/layout/client-messages';

export default function ProjectsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['common', 'projects']}>{children}</ClientMessages>;
}
