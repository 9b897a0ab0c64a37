import { useTranslations } from 'next-intl';
import type { ProblemStatus } from '@/lib/enums';

const TONES: Record<ProblemStatus, string> = {
  OPEN: 'bg-amber-100 text-amber-900',
  IN_PROGRESS: 'bg-brand-100 text-brand-800',
  ESCALATED: 'bg-orange-100 text-orange-900',
  SOLVED: 'bg-sky-100 text-sky-900',
  STRUCK_OFF: 'bg-green-100 text-green-800',
};

const pill = 'inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium';

export function ProblemStatusBadge({ status }: { status: ProblemStatus }) {
  const t = useTranslations('problems.statuses');
  return (
    <span className={`${pill} ${TONES[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}

/** The red 逾期 mark beside a deadline that has passed while the problem is still open. */
export function OverdueBadge() {
  const t = useTranslations('problems');
  return (
    <span className={`${pill} bg-red-100 text-red-800`} data-overdue>
      {t('overdue')}
    </span>
  );
}
