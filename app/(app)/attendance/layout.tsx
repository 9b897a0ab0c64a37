import { ClientMessages } from '@/components/layout/client-messages';

export default function AttendanceLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['attendance']}>{children}</ClientMessages>;
}
