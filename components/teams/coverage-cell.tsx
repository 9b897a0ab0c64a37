import { useTranslations } from 'next-intl';
import type { TeamCoverage } from '@/lib/teams/rules';

/** "Complete", or what the team lacks of the five coverages and the size rule, in red. */
export function CoverageCell({ coverage, size }: { coverage: TeamCoverage; size: { min: number; max: number } }) {
  const t = useTranslations('teams');
  if (coverage.complete) return <span className="text-green-700">{t('complete')}</span>;
  const parts = [
    ...(coverage.missing.length
      ? [t('missing', { items: coverage.missing.map((item) => t(`coverageItems.${item}`)).join('、') })]
      : []),
    ...(!coverage.sizeOk ? [t('sizeOutOfRange', { size: coverage.size, min: size.min, max: size.max })] : []),
  ];
  return (
    <span className="text-red-700" data-gap>
      {parts.join('；')}
    </span>
  );
}
