import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageBody } from '@/components/layout/page-body';
import { PolicyForm } from '@/components/policy/policy-form';
import { PageHeader } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getPolicy, type PolicyView, policyCountyOf, policyYears } from '@/lib/policy/data';
import { chinaMoment, chinaYear } from '@/lib/time';

export default async function PolicyPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; county?: string }>;
}) {
  const viewer = await requirePermission('policy.view');
  const search = await searchParams;
  const thisYear = chinaYear();
  const year = Number(search.year) >= 2000 && Number(search.year) <= 2100 ? Number(search.year) : thisYear;
  const countyCode = search.county ?? policyCountyOf(viewer) ?? notFound(); // a city user names the county
  const policy = await getPolicy(viewer, countyCode, year);
  return (
    <ClientMessages namespaces={['policy']}>
      <PageBody>
        <PolicyContent viewer={viewer} policy={policy} year={year} thisYear={thisYear} />
      </PageBody>
    </ClientMessages>
  ); // the checks above set the status (403, 404) before the response starts
}

async function PolicyContent({
  viewer,
  policy,
  year,
  thisYear,
}: {
  viewer: Viewer;
  policy: PolicyView;
  year: number;
  thisYear: number;
}) {
  const [years, t] = await Promise.all([policyYears(policy.countyCode), getTranslations()]);
  const yearLinks = [...new Set([...years, thisYear, thisYear + 1])].sort((a, b) => b - a);
  return (
    <>
      <PageHeader
        title={t('policy.title', { county: policy.countyName, year })}
        description={
          policy.version === null || policy.updatedAt === null
            ? t('policy.notSetYet')
            : t('policy.lastChanged', {
                time: chinaMoment(policy.updatedAt),
              })
        }
      />
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t('policy.years')}>
        {yearLinks.map((y) => (
          <Link
            key={y}
            href={`/admin/policy?year=${y}`}
            aria-current={y === year ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${y === year ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-700'}`}
          >
            {y}
          </Link>
        ))}
      </nav>
      <PolicyForm
        countyCode={policy.countyCode}
        year={year}
        version={policy.version}
        values={policy.values}
        editable={can(viewer.role, 'policy.edit')}
      />
    </>
  );
}
