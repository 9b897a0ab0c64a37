import { useTranslations } from 'next-intl';
import type { HouseholdStatus } from '@/lib/enums';
import { IN_REGISTRATION, LIFTED_STATUSES, POOR_STATUSES } from '@/lib/households/rules';

const has = (list: readonly string[], status: string) => list.includes(status);

// Not async: an async component in a list suspends every row of the streamed page on its own.
export function StatusBadge({ status }: { status: HouseholdStatus }) {
  const t = useTranslations('households.statuses');
  const tone = has(POOR_STATUSES, status)
    ? 'bg-brand-100 text-brand-800'
    : has(LIFTED_STATUSES, status)
      ? 'bg-green-100 text-green-800'
      : has(IN_REGISTRATION, status)
        ? 'bg-amber-100 text-amber-900'
        : 'bg-slate-100 text-slate-700';
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>
      {t(status)}
    </span>
  );
}
