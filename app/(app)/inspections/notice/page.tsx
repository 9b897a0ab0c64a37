import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { inputClass } from '@/components/ui/field';
import { PrintButton } from '@/components/ui/print-button';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { noticeOf } from '@/lib/inspections/data';
import { chinaToday } from '@/lib/time';

const isDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** 督查通报: a printable notice of a period's inspections, findings, discrepancies, talks and recalls. */
export default async function NoticePage(props: {
  searchParams: Promise<{ area?: string; from?: string; to?: string }>;
}) {
  const viewer = await requirePermission('inspection.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <NoticeContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function NoticeContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ area?: string; from?: string; to?: string }> } & { viewer: Viewer }) {
  const query = await searchParams;
  const today = chinaToday();
  const from = isDay(query.from) ? query.from : `${today.slice(0, 7)}-01`;
  const to = isDay(query.to) && query.to >= from ? query.to : today;
  const [notice, t] = await Promise.all([
    noticeOf(viewer, { area: query.area, from, to }),
    getTranslations('inspections'),
  ]);
  const none = <p className="text-sm">{t('noticeNone')}</p>;
  return (
    <article className="mx-auto max-w-4xl bg-white p-6 print:p-0">
      <form className="no-print mb-6 flex flex-wrap items-end gap-2" role="search">
        {query.area && <input type="hidden" name="area" value={query.area} />}
        <label className="text-sm">
          {t('noticeFrom')}
          <input type="date" name="from" defaultValue={from} className={inputClass} />
        </label>
        <label className="text-sm">
          {t('noticeTo')}
          <input type="date" name="to" defaultValue={to} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          {t('makeNotice')}
        </button>
        <PrintButton label={t('print')} />
      </form>
      <h1 className="text-center text-2xl font-bold">{t('noticeTitle', { area: notice.areaName })}</h1>
      <p className="mt-2 text-center text-sm">{t('noticePeriod', { from: notice.from, to: notice.to })}</p>
      <p className="mt-6 leading-7" data-testid="notice-summary">
        {t('noticeSummary', {
          inspections: notice.inspections.length,
          findings: notice.findings.length,
          discrepancies: notice.discrepancies.length,
          followUps: notice.followUps.length,
        })}
      </p>
      <h2 className="mt-6 font-semibold">{t('noticeInspections')}</h2>
      {notice.inspections.length === 0 ? (
        none
      ) : (
        <ol className="ml-6 list-decimal space-y-1 text-sm">
          {notice.inspections.map((i) => (
            <li key={i.id}>
              {i.plannedOn} {t(`kinds.${i.kind}`)}：{i.villages.join('、')}
            </li>
          ))}
        </ol>
      )}
      <h2 className="mt-6 font-semibold">{t('noticeFindings')}</h2>
      {notice.findings.length === 0 ? (
        none
      ) : (
        <ol className="ml-6 list-decimal space-y-1 text-sm">
          {notice.findings.map((f) => (
            <li key={f.id}>
              {f.where}：{f.description}
            </li>
          ))}
        </ol>
      )}
      <h2 className="mt-6 font-semibold">{t('noticeDiscrepancies')}</h2>
      {notice.discrepancies.length === 0 ? (
        none
      ) : (
        <ol className="ml-6 list-decimal space-y-1 text-sm">
          {notice.discrepancies.map((d) => (
            <li key={d.id}>
              {d.where} {d.name}：{d.day}
              {d.note ? `，${d.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      <h2 className="mt-6 font-semibold">{t('noticeFollowUps')}</h2>
      {notice.followUps.length === 0 ? (
        none
      ) : (
        <ol className="ml-6 list-decimal space-y-1 text-sm">
          {notice.followUps.map((f) => (
            <li key={f.id}>
              {f.heldOn} {t(`followUpKinds.${f.kind}`)} {f.where} {f.name}：{f.reason}
            </li>
          ))}
        </ol>
      )}
      <p className="mt-8 leading-7">{t('noticeFooter')}</p>
      <p className="mt-10 text-right text-sm">{today}</p>
    </article>
  );
}
