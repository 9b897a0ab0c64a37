import { useTranslations } from 'next-intl';

/**
 * Said beside figures read from the kept figures while some of the area's villages still wait for their
 * recompute (a bulk import marks more than one page view refreshes): those villages show as last computed.
 */
export function PendingVillages({ villages, className = '' }: { villages: number; className?: string }) {
  const t = useTranslations('dashboard');
  if (villages === 0) return null;
  return (
    <span className={`text-amber-700 ${className}`} data-testid="figures-pending">
      {t('pending', { villages })}
    </span>
  );
}
