import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/households/status-badge';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { VisitForm } from '@/components/visits/visit-form';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import type { HouseholdStatus } from '@/lib/enums';
import { parseId } from '@/lib/http';
import { visitChoices } from '@/lib/visits/data';

type Option = { id: number; headName: string; village: string; status: string };

export default async function NewVisitPage(props: { searchParams: Promise<{ household?: string; q?: string }> }) {
  const viewer = await requirePermission('visit.create'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <NewVisitContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function NewVisitContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ household?: string; q?: string }> } & { viewer: Viewer }) {
  const query = await searchParams;
  const householdId = parseId(query.household) ?? undefined;
  const [choices, t] = await Promise.all([visitChoices(viewer, query.q, householdId), getTranslations()]);
  const pick = (h: Option) => (
    <li key={h.id}>
      <Link href={`/visits/new?household=${h.id}`} className="flex items-center justify-between gap-2 py-2.5">
        <span>
          <span className="font-medium text-brand-700">{h.headName}</span>{' '}
          <span className="text-sm text-slate-500">{h.village}</span>
        </span>
        <StatusBadge status={h.status as HouseholdStatus} />
      </Link>
    </li>
  );
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title={t('visits.newVisit')} />
      {choices.chosen ? (
        <Card
          title={
            <span>
              {choices.chosen.headName}{' '}
              <span className="text-sm font-normal text-slate-500">{choices.chosen.village}</span>
            </span>
          }
          actions={
            <TextLink href="/visits/new" className="text-sm">
              {t('visits.chooseHousehold')}
            </TextLink>
          }
        >
          <VisitForm
            householdId={choices.chosen.id}
            householdName={`${choices.chosen.village} ${choices.chosen.headName}`}
            today={choices.today}
          />
        </Card>
      ) : (
        <>
          {choices.mine.length > 0 && (
            <Card title={t('visits.myHouseholds')}>
              <ul className="divide-y divide-slate-100">{choices.mine.map(pick)}</ul>
            </Card>
          )}
          <Card title={t('visits.chooseHousehold')}>
            <form action="/visits/new" className="flex gap-2">
              <input
                name="q"
                defaultValue={query.q}
                placeholder={t('visits.searchHousehold')}
                aria-label={t('visits.searchHousehold')}
                className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-base"
              />
              <button type="submit" className={buttonClass('secondary')}>
                {t('common.search')}
              </button>
            </form>
            {choices.search.length > 0 && (
              <ul className="mt-2 divide-y divide-slate-100">{choices.search.map(pick)}</ul>
            )}
            {query.q && choices.search.length === 0 && (
              <p className="mt-2 text-sm text-slate-600">{t('common.noResults')}</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
