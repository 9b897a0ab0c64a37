// A download link for an area's roster (.xlsx): for the households and area pages. The server checks
// the permission and the area again; this only saves a click.
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-class';

export function ExportRosterLink({
  area,
  variant = 'secondary',
}: {
  area?: string;
  variant?: 'primary' | 'secondary';
}) {
  const t = useTranslations('roster');
  const href = area ? `/api/roster/export?area=${encodeURIComponent(area)}` : '/api/roster/export';
  return (
    <a href={href} className={buttonClass(variant)} title={t('exportHint')} download>
      {t('export')}
    </a>
  );
}
