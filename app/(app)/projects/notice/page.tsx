import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { PrintPageSetup } from '@/components/layout/print-page-setup';
import { PrintButton } from '@/components/ui/print-button';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { found } from '@/lib/errors';
import { villageNotice } from '@/lib/projects/data';
import { formatYuan } from '@/lib/projects/rules';
import { chinaYear } from '@/lib/time';

/** A village's notice of its projects of a year (村级项目公示), printable on A4. */
export default async function VillageNoticePage({
  searchParams,
}: {
  searchParams: Promise<{ village?: string; year?: string }>;
}) {
  const viewer = await requirePermission('project.view');
  const query = await searchParams;
  const village = found(query.village && /^\d{12}$/.test(query.village) ? query.village : null);
  const year = query.year && /^\d{4}$/.test(query.year) ? Number(query.year) : chinaYear();
  const [notice, t] = await Promise.all([villageNotice(viewer, village, year), getTranslations('projects')]);
  return (
    <PageBody>
      <PrintPageSetup header={t('noticeTitle', { village: notice.village, year })} landscape />
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton label={t('print')} />
        <TextLink href="/projects">{t('backToList')}</TextLink>
      </div>
      <article className="rounded-lg border border-slate-300 bg-white p-4" data-testid="village-notice">
        <h1 className="text-center text-xl font-bold">{t('noticeTitle', { village: notice.village, year })}</h1>
        {notice.projects.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">{t('none')}</p>
        ) : (
          <table className="mt-4 w-full border-collapse text-sm">
            <thead>
              <tr>
                {[
                  t('index'),
                  t('name'),
                  t('kind'),
                  t('ownerUnit'),
                  t('budgetYuan'),
                  t('beneficiariesCount'),
                  t('plannedEndOn'),
                  t('stage'),
                ].map((h) => (
                  <th key={h} scope="col" className="border border-slate-400 bg-slate-50 px-2 py-1 text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {notice.projects.map((p, i) => (
                <tr key={p.id}>
                  <td className="border border-slate-400 px-2 py-1 tabular-nums">{i + 1}</td>
                  <td className="border border-slate-400 px-2 py-1">{p.name}</td>
                  <td className="border border-slate-400 px-2 py-1">{t(`kinds.${p.kind}`)}</td>
                  <td className="border border-slate-400 px-2 py-1">{p.ownerUnit}</td>
                  <td className="border border-slate-400 px-2 py-1 text-right tabular-nums">
                    {formatYuan(p.budgetFen)}
                  </td>
                  <td className="border border-slate-400 px-2 py-1 text-right tabular-nums">{p.households}</td>
                  <td className="border border-slate-400 px-2 py-1 tabular-nums">{p.plannedEndOn}</td>
                  <td className="border border-slate-400 px-2 py-1">{t(`stages.${p.stage}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-4 text-center font-semibold">
          {notice.complaintPhone ? t('complaintLine', { phone: notice.complaintPhone }) : t('complaintMissing')}
        </p>
      </article>
    </PageBody>
  );
}
