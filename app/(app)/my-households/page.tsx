import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/households/status-badge';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { myHouseholds } from '@/lib/pairings/data';

export default async function MyHouseholdsPage() {
  const viewer = await requirePermission('pairing.own'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <MyHouseholdsContent viewer={viewer} />
    </PageBody>
  );
}

async function MyHouseholdsContent({ viewer }: { viewer: Viewer }) {
  const [mine, t] = await Promise.all([myHouseholds(viewer), getTranslations()]);
  if (!mine.cadre) {
    return (
      <>
        <PageHeader title={t('pairings.myTitle')} />
        <Card>
          <p className="text-sm">{t('pairings.myNoCadre')}</p>
        </Card>
      </>
    );
  }
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title={t('pairings.myTitle')}
        description={`${mine.cadre.name} · ${t(`teams.ranks.${mine.cadre.rank}`)} · ${t('pairings.usedOf', { used: mine.households.length, quota: mine.cadre.quota })}`}
      />
      {mine.households.length === 0 ? (
        <Card>
          <p className="text-sm">{t('pairings.myNone')}</p>
        </Card>
      ) : (
        <ul className="space-y-3">
          {mine.households.map((h) => (
            <li key={h.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-household={h.id}>
              <div className="flex items-center justify-between gap-2">
                <TextLink href={`/households/${h.id}`} className="text-base font-semibold">
                  {h.headName}
                </TextLink>
                <StatusBadge status={h.status} />
              </div>
              <div className="mt-1 text-sm text-slate-600">
                {h.village} · {t('pairings.members', { count: h.memberCount })} · {t('pairings.since')} {h.since}
              </div>
              <div className="text-sm text-slate-600">
                {t('visits.lastVisit')}：{h.lastVisit ?? t('visits.never')}
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-4">
                <Link href={`/visits/new?household=${h.id}`} className={buttonClass('secondary')}>
                  {t('visits.newVisit')}
                </Link>
                {h.phone && (
                  <a
                    href={`tel:${h.phone}`}
                    className="inline-flex min-h-10 items-center text-sm text-brand-700 underline"
                  >
                    {t('pairings.call')} {h.phone}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
