import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { PrintPageSetup } from '@/components/layout/print-page-setup';
import { PrintButton } from '@/components/ui/print-button';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { found } from '@/lib/errors';
import { parseId } from '@/lib/http';
import { projectBoard } from '@/lib/projects/data';
import { formatYuan } from '@/lib/projects/rules';

/** The project's public board (公示牌, seed 001) on one A4 page: its facts, money, who benefits, where to complain. */
export default async function ProjectBoardPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('project.view');
  const id = found(parseId((await params).id));
  const [{ project: p, complaintPhone }, t] = await Promise.all([
    projectBoard(viewer, id),
    getTranslations('projects'),
  ]);
  return (
    <PageBody>
      <PrintPageSetup header={t('boardTitle')} />
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton label={t('print')} />
        <TextLink href={`/projects/${p.id}`}>{t('backToProject')}</TextLink>
      </div>
      <article
        className="mx-auto max-w-3xl rounded-lg border-4 border-red-800 bg-white p-6 print:border-2"
        data-testid="project-board"
      >
        <h1 className="text-center text-2xl font-bold text-red-800">{t('boardTitle')}</h1>
        <p className="mt-1 text-center text-lg font-semibold">{p.name}</p>
        <table className="mt-4 w-full border-collapse text-sm">
          <tbody>
            {(
              [
                [t('year'), String(p.year)],
                [t('kind'), t(`kinds.${p.kind}`)],
                [t('villages'), p.villages.map((v) => v.name).join('、')],
                [t('description'), p.description],
                [t('ownerUnit'), p.ownerUnit],
                [t('contact'), `${p.contactName} ${p.contactPhone}`],
                [
                  t('budgetYuan'),
                  `${formatYuan(p.budgetFen)}（${p.funds.map((f) => `${t(`sources.${f.source}`)} ${formatYuan(f.approvedFen)}`).join('；')}）`,
                ],
                [t('paidYuan'), formatYuan(p.paidFen)],
                [t('plannedEndOn'), p.plannedEndOn],
                [t('stage'), t(`stages.${p.stage}`)],
                [t('beneficiariesCount'), t('householdsCount', { count: p.beneficiaries.length })],
              ] as const
            ).map(([label, value]) => (
              <tr key={label} className="border border-slate-400">
                <th
                  scope="row"
                  className="w-32 border border-slate-400 bg-slate-50 px-2 py-1 text-left align-top font-medium"
                >
                  {label}
                </th>
                <td className="border border-slate-400 px-2 py-1 whitespace-pre-line">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.beneficiaries.length > 0 && (
          <p className="mt-3 text-sm">
            <span className="font-medium">{t('beneficiaryNames')}</span>
            {p.beneficiaries.map((b) => `${b.headName}（${t(`mechanisms.${b.mechanism}`)}）`).join('、')}
          </p>
        )}
        <p className="mt-4 border-t border-slate-300 pt-3 text-center text-base font-semibold">
          {complaintPhone ? t('complaintLine', { phone: complaintPhone }) : t('complaintMissing')}
        </p>
      </article>
    </PageBody>
  );
}
