import type { AttendanceStatus } from '@/lib/attendance/rules';

const TONE: Record<AttendanceStatus, string> = {
  MET: 'bg-green-100 text-green-800',
  ON_TRACK: 'bg-green-50 text-green-800',
  AT_RISK: 'bg-amber-100 text-amber-900',
  WILL_MISS: 'bg-red-100 text-red-800',
  MISSED: 'bg-red-600 text-white',
  NOT_POSTED: 'bg-slate-100 text-slate-700',
};

/** The status pill with its words given: for client tables, whose words come from the server. */
export function AttendancePill({ status, label }: { status: AttendanceStatus; label: string }) {
  return (
    <span
      data-status={status}
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status]}`}
    >
      {label}
    </span>
  );
}
