import { useTranslations } from 'next-intl';
import type { AttendanceStatus } from '@/lib/attendance/rules';
import { AttendancePill } from './attendance-pill';

export function AttendanceBadge({ status }: { status: AttendanceStatus }) {
  const t = useTranslations('attendance.statuses');
  return <AttendancePill status={status} label={t(status)} />;
}
