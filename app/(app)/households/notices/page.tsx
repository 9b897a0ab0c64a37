import { getFormatter, getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { PrintButton } from '@/components/ui/print-button';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { noticeList } from '@/lib/households/data';
import { perCapitaIncome } from '@/lib/households/rules';
import { policyCountyOf, policyValuesFor } from '@/lib/policy/data';
import { getRegion } from '@/lib/regions/data';
import { chinaYear } from '@/lib/time';

/** A printable public notice (公示) of the households proposed for registration or exit in an area. */
export default async function NoticePage({
  searchParams,
}: {
  searchParams: Promise<{ area?: string; kind?: string }>;
}) {
  const viewer = await requirePermission('household.view');
  const search = await searchParams;
  const kind = search.kind === 'exit' ? 'exit' : 'registration';
  const region = await getRegion(viewer, search.area ?? viewer.scopeCode);
  return (
    <PageBody>
      <NoticeContent viewer={viewer} region={region} kind={kind} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function NoticeContent({
  viewer,
  region,
  kind,
}: {
  viewer: Viewer;
  region: Awaited<ReturnType<typeof getRegion>>;
  kind: 'exit' | 'registration';
}) {
  const [list, t, format] = await Promise.all([
    noticeList(viewer, region.code, kind),
    getTranslations('notices'),
    getFormatter(),
  ]);
  const county = policyCountyOf(viewer) ?? region.code.slice(0, 6);
  // The county's number in force (the viewer may lack policy.view: a team leader prints notices too).
  const days = (await policyValuesFor(county, chinaYear())).noticeMinDays;
  return (
    <article className="mx-auto max-w-4xl bg-white p-6 print:p-0">
      <div className="no-print mb-4 flex justify-end">
        <PrintButton label={t('print')} />
      </div>
      <h1 className="text-center text-2xl font-bold">
        {t(kind === 'exit' ? 'exitTitle' : 'registrationTitle', { area: region.name })}
      </h1>
      <p className="mt-4 text-sm leading-7">
        {t(kind === 'exit' ? 'exitIntro' : 'registrationIntro', { days, count: list.length })}
      </p>
      <table className="mt-4 w-full border-collapse text-sm">
        <thead>
          <tr>
            {(
              [
                'index',
                'village',
                'group',
                'head',
                'idNumber',
                'members',
                kind === 'exit' ? 'perCapita' : 'causes',
                'since',
              ] as const
            ).map((col) => (
              <th key={col} className="border border-slate-400 px-2 py-1 font-medium">
                {t(`columns.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((row, index) => (
            <tr key={row.id}>
              <td className="border border-slate-400 px-2 py-1 text-center">{index + 1}</td>
              <td className="border border-slate-400 px-2 py-1">{row.villageName}</td>
              <td className="border border-slate-400 px-2 py-1">{row.groupName}</td>
              <td className="border border-slate-400 px-2 py-1">{row.headName}</td>
              <td className="border border-slate-400 px-2 py-1 font-mono">{row.headIdMasked}</td>
              <td className="border border-slate-400 px-2 py-1 text-center">{row.memberCount}</td>
              <td className="border border-slate-400 px-2 py-1">
                {kind === 'exit'
                  ? row.income
                    ? format.number(perCapitaIncome(row.income, row.memberCount) ?? 0)
                    : '—'
                  : row.povertyCauses.map((c) => t(`causes.${c}`)).join('、')}
              </td>
              <td className="border border-slate-400 px-2 py-1">
                {format.dateTime(row.statusSince, { dateStyle: 'medium' })}
              </td>
            </tr>
          ))}
          {list.length === 0 && (
            <tr>
              <td colSpan={8} className="border border-slate-400 px-2 py-4 text-center text-slate-500">
                {t('none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="mt-6 text-sm leading-7">{t('objections', { days })}</p>
      <p className="mt-8 text-right text-sm">
        {region.name} · {format.dateTime(new Date(), { dateStyle: 'long' })}
      </p>
    </article>
  );
}
