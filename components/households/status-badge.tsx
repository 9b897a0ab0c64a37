import { getTranslations } from 'next-intl/server';
import type { HouseholdStatus } from '@/lib/enums';
import { IN_REGISTRATION, LIFTED_STATUSES, POOR_STATUSES } from '@/lib/households/rules';

const has = (list: readonly string[], status: string) => list.includes(status);

export async function StatusBadge({ status }: { status: HouseholdStatus }) {
  const t = await getTranslations('households.statuses');
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
