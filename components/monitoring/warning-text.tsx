import { useTranslations } from 'next-intl';
import type { WarningDetail } from '@/lib/monitoring/rules';

/** What a warning's rule saw, in the reader's language. */
export function WarningText({ detail }: { detail: WarningDetail }) {
  const t = useTranslations('monitoring');
  if ('line' in detail) return <>{t('detailLowIncome', detail)}</>;
  if ('previous' in detail) return <>{t('detailDrop', detail)}</>;
  return (
    <>{detail.source === 'visit' ? t('detailVisit', { day: detail.day }) : t('detailProblem', { day: detail.day })}</>
  );
}
