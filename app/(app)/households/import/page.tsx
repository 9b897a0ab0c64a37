import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageBody } from '@/components/layout/page-body';
import { RosterImport } from '@/components/roster/roster-import';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { MAX_FILE_BYTES } from '@/lib/roster/columns';

export default async function ImportRosterPage() {
  const viewer = await requirePermission('household.import'); // before the response starts: a refusal answers 403, not 200
  return (
    <ClientMessages namespaces={['roster']}>
      <PageBody>
        <ImportRosterContent viewer={viewer} />
      </PageBody>
    </ClientMessages>
  );
}

async function ImportRosterContent({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations('roster');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link href="/households" className={buttonClass('secondary')}>
            {t('backToHouseholds')}
          </Link>
        }
      />
      <div className="max-w-5xl space-y-4">
        <Card title={t('templateTitle')}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="max-w-3xl text-sm text-slate-600">{t('templateHint', { area: viewer.scopeName })}</p>
            <a href="/api/roster/template" className={buttonClass('secondary')} download>
              {t('downloadTemplate')}
            </a>
          </div>
        </Card>
        <RosterImport maxMegabytes={MAX_FILE_BYTES / 1024 / 1024} />
      </div>
    </>
  );
}
