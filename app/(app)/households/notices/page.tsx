import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { PrintButton } from '@/components/ui/print-button';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { noticeList } from '@/lib/households/data';
import { NOTICE_STATUSES, type NoticeStatus } from '@/lib/households/rules';
import { getRegion } from '@/lib/regions/data';

const cell = 'border border-slate-500 px-2 py-1';
const EXIT_KINDS: NoticeStatus[] = ['EXIT_NOTICE', 'EXIT_ANNOUNCEMENT'];
const ANNOUNCEMENTS: NoticeStatus[] = ['COUNTY_ANNOUNCEMENT', 'EXIT_ANNOUNCEMENT'];

/**
 * A notice or announcement (公示/公告) for the village board, A4: the households of the area in that notice,
 * masked ID numbers, the period, and on exit notices the per-capita disposable income of the assessed year.
 */
export default async function NoticePage({
  searchParams,
}: {
  searchParams: Promise<{ area?: string; kind?: string }>;
}) {
  const viewer = await requirePermission('household.view');
  const search = await searchParams;
  const kind = NOTICE_STATUSES.find((k) => k === search.kind) ?? 'FIRST_NOTICE';
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
  kind: NoticeStatus;
}) {
  const [list, t, th, format] = await Promise.all([
    noticeList(viewer, region.code, kind),
    getTranslations('notices'),
    getTranslations('households'),
    getFormatter(),
  ]);
  const oneVillage = region.code.length === 12;
  const periods = new Set(list.map((row) => `${row.period.from}/${row.period.until}/${row.days}`));
  const shared = periods.size === 1 ? list[0] : undefined;
  const exit = EXIT_KINDS.includes(kind);
  const periodText = (row: (typeof list)[number]) =>
    t(ANNOUNCEMENTS.includes(kind) ? 'announcementPeriod' : 'period', {
      from: row.period.from,
      until: row.period.until,
      days: row.days,
    });
  return (
    <article className="notice-sheet mx-auto max-w-4xl bg-white p-6 print:max-w-none print:p-0" data-testid="notice">
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-2">
        <nav className="flex flex-wrap gap-1 text-sm" aria-label={t('kind')}>
          {NOTICE_STATUSES.map((k) => (
            <Link
              key={k}
              href={`/households/notices?area=${region.code}&kind=${k}`}
              aria-current={k === kind ? 'page' : undefined}
              className={`rounded-full px-3 py-1 ${k === kind ? 'bg-brand-700 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200'}`}
            >
              {th(`statuses.${k}`)}
            </Link>
          ))}
        </nav>
        <PrintButton label={t('print')} />
      </div>
      <h1 className="text-center text-2xl font-bold">{t(`titles.${kind}`, { area: region.name })}</h1>
      <p className="mt-4 text-sm leading-7 indent-8">{t(`intros.${kind}`, { count: list.length })}</p>
      <p className="mt-1 text-sm font-medium leading-7">
        {shared ? periodText(shared) : list.length ? t('periodVaries') : ''}
      </p>
      {/* On a phone the sheet scrolls sideways rather than squeezing the names into one character a line; on paper it fits A4. */}
      <div className="mt-3 overflow-x-auto print:overflow-visible">
        <table className="w-full min-w-[40rem] border-collapse text-sm print:min-w-0 print:text-xs">
          <thead>
            <tr>
              <th className={cell}>{t('columns.index')}</th>
              {!oneVillage && <th className={cell}>{t('columns.village')}</th>}
              <th className={cell}>{t('columns.group')}</th>
              <th className={cell}>{t('columns.head')}</th>
              <th className={cell}>{t('columns.idNumber')}</th>
              <th className={cell}>{t('columns.members')}</th>
              {exit && <th className={cell}>{t('columns.assessYear')}</th>}
              {exit && <th className={cell}>{t('columns.perCapita')}</th>}
              {kind === 'REMOVAL_NOTICE' && <th className={cell}>{t('columns.reason')}</th>}
              {kind === 'RETURN_NOTICE' && <th className={cell}>{t('columns.returnCause')}</th>}
              {!exit && kind !== 'REMOVAL_NOTICE' && kind !== 'RETURN_NOTICE' && (
                <th className={cell}>{t('columns.causes')}</th>
              )}
              {!shared && <th className={cell}>{t('columns.period')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((row, index) => (
              <tr key={row.id} className="break-inside-avoid">
                <td className={`${cell} text-center`}>{index + 1}</td>
                {!oneVillage && <td className={cell}>{row.villageName}</td>}
                <td className={cell}>{row.groupName}</td>
                <td className={cell}>{row.headName}</td>
                <td className={`${cell} font-mono`}>{row.headIdMasked}</td>
                <td className={`${cell} text-center`}>{row.memberCount}</td>
                {exit && <td className={`${cell} text-center`}>{row.assessYear}</td>}
                {exit && (
                  <td className={`${cell} text-right tabular-nums`}>
                    {row.perCapitaIncome === null ? '—' : format.number(row.perCapitaIncome)}
                  </td>
                )}
                {kind === 'REMOVAL_NOTICE' && <td className={cell}>{row.reason ?? '—'}</td>}
                {kind === 'RETURN_NOTICE' && (
                  <td className={cell}>{row.cause ? th(`step.returnCauses.${row.cause}`) : '—'}</td>
                )}
                {!exit && kind !== 'REMOVAL_NOTICE' && kind !== 'RETURN_NOTICE' && (
                  <td className={cell}>{row.povertyCauses.map((c) => t(`causes.${c}`)).join('、') || '—'}</td>
                )}
                {!shared && (
                  <td className={`${cell} whitespace-nowrap`}>
                    {row.period.from} ~ {row.period.until}
                  </td>
                )}
              </tr>
            ))}
            {list.length === 0 && (
              <tr>
                <td colSpan={9} className={`${cell} py-4 text-center text-slate-500`}>
                  {t('none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="mt-6 text-sm leading-7">{t('objections')}</p>
      <p className="mt-2 text-sm leading-7">
        {t('phone')}
        <span className="inline-block w-48 border-b border-slate-500 align-bottom" aria-hidden />
      </p>
      <div className="mt-10 text-right text-sm leading-7">
        <p>{t(`issuers.${kind}`, { area: region.name })}</p>
        <p>{format.dateTime(new Date(), { dateStyle: 'long', timeZone: 'Asia/Shanghai' })}</p>
      </div>
    </article>
  );
}
