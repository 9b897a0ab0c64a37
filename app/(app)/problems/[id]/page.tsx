import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { OverdueBadge, ProblemStatusBadge } from '@/components/problems/problem-badge';
import { StepForm } from '@/components/problems/step-form';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/http';
import { getProblem } from '@/lib/problems/data';
import { chinaMoment, chinaToday } from '@/lib/time';

export default async function ProblemPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('problem.view');
  const { id } = await params;
  const problem = await getProblem(viewer, parseId(id) ?? notFound()); // 404 outside the viewer's area
  return (
    <PageBody>
      <ProblemContent viewer={viewer} problem={problem} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function ProblemContent({
  viewer,
  problem,
}: {
  viewer: Viewer;
  problem: Awaited<ReturnType<typeof getProblem>>;
}) {
  const t = await getTranslations();
  const today = chinaToday();
  const owner =
    problem.owner === 'DEPARTMENT' && problem.ownerUnitName
      ? `${t(`problems.owners.${problem.owner}`)} · ${problem.ownerUnitName}`
      : t(`problems.owners.${problem.owner}`);
  return (
    <>
      <nav className="mb-2 text-sm">
        <TextLink href={`/problems?area=${problem.regionCode}`}>← {t('problems.backToLedger')}</TextLink>
      </nav>
      <PageHeader
        title={t('problems.detailTitle', { id: problem.id })}
        description={
          <>
            {problem.townshipName} · <TextLink href={`/regions/${problem.regionCode}`}>{problem.villageName}</TextLink>{' '}
            ·{' '}
            {problem.household ? (
              <TextLink href={`/households/${problem.household.id}`}>{problem.household.headName}</TextLink>
            ) : (
              t('problems.villageLevel')
            )}
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2" data-testid="problem-status">
            <ProblemStatusBadge status={problem.status} />
            {problem.overdue && <OverdueBadge />}
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('problems.facts')}>
          <p className="mb-3 whitespace-pre-wrap text-sm text-slate-900" data-testid="problem-description">
            {problem.description}
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t('problems.category')}</dt>
            <dd>{t(`problems.categories.${problem.category}`)}</dd>
            <dt className="text-slate-500">{t('problems.urgency')}</dt>
            <dd className={problem.urgency === 'URGENT' ? 'font-medium text-red-700' : ''}>
              {t(`problems.urgencies.${problem.urgency}`)}
            </dd>
            <dt className="text-slate-500">{t('problems.source')}</dt>
            <dd>{t(`problems.sources.${problem.source}`)}</dd>
            {problem.visit && (
              <>
                <dt className="text-slate-500">{t('problems.visit')}</dt>
                {/* No page of its own for a visit: the household's page lists its visits. */}
                <dd>
                  {problem.household ? (
                    <TextLink href={`/households/${problem.household.id}`} data-testid="problem-visit">
                      {t('problems.visitLink', { date: problem.visit.visitedOn, name: problem.visit.visitorName })}
                    </TextLink>
                  ) : (
                    t('problems.visitLink', { date: problem.visit.visitedOn, name: problem.visit.visitorName })
                  )}
                </dd>
              </>
            )}
            <dt className="text-slate-500">{t('problems.foundOn')}</dt>
            <dd className="tabular-nums">{problem.foundOn}</dd>
            <dt className="text-slate-500">{t('problems.owner')}</dt>
            <dd>{owner}</dd>
            <dt className="text-slate-500">{t('problems.deadline')}</dt>
            <dd className="tabular-nums">
              <span className={problem.overdue ? 'font-semibold text-red-700' : ''} data-testid="problem-deadline">
                {problem.deadline}
              </span>{' '}
              {problem.overdue && <OverdueBadge />}
            </dd>
          </dl>
        </Card>

        {can(viewer.role, 'problem.work') && (
          <Card title={t('problems.submit')}>
            {problem.solvedByMe && problem.status === 'SOLVED' && (
              <p className="mb-3 text-sm text-amber-800">{t('problems.solvedByMeHint')}</p>
            )}
            <StepForm
              problem={{ id: problem.id, version: problem.version }}
              title={`${t('problems.detailTitle', { id: problem.id })} ${problem.villageName}${problem.household ? ` ${problem.household.headName}` : ''}`}
              steps={problem.nextSteps}
              departments={problem.departments}
              today={today}
            />
          </Card>
        )}

        <div className="lg:col-span-2">
          <Card title={t('problems.history')}>
            {problem.steps.length === 0 ? (
              <p className="text-sm text-slate-600">{t('problems.noHistory')}</p>
            ) : (
              <ol className="space-y-4" data-testid="problem-history">
                {problem.steps.map((s) => (
                  <li key={s.id} className="border-l-2 border-slate-200 pl-3" data-step={s.kind}>
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                      <span className="font-medium text-slate-900">{t(`problems.steps.${s.kind}`)}</span>
                      <ProblemStatusBadge status={s.toStatus} />
                      <span className="text-slate-500">
                        {s.userName} · <time dateTime={s.at.toISOString()}>{chinaMoment(s.at)}</time>
                      </span>
                    </div>
                    {s.note && (
                      <p className="mt-1 whitespace-pre-wrap text-sm">
                        <span className="text-slate-500">
                          {t(
                            s.kind === 'SOLVE'
                              ? 'problems.whatDone'
                              : s.kind === 'ESCALATE'
                                ? 'problems.explanation'
                                : s.kind === 'RETURN' || s.kind === 'REOPEN'
                                  ? 'problems.reason'
                                  : 'problems.note',
                          )}
                          ：
                        </span>
                        {s.note}
                      </p>
                    )}
                    {s.evidence && (
                      <p className="mt-1 whitespace-pre-wrap text-sm">
                        <span className="text-slate-500">{t('problems.evidence')}：</span>
                        {s.evidence}
                      </p>
                    )}
                    {(s.owner || s.deadline) && (
                      <p className="mt-1 text-sm">
                        {s.owner && (
                          <>
                            <span className="text-slate-500">
                              {t(s.kind === 'OPEN' ? 'problems.owner' : 'problems.newOwner')}：
                            </span>
                            {t(`problems.owners.${s.owner}`)}
                            {s.ownerUnitName ? ` · ${s.ownerUnitName}` : ''}{' '}
                          </>
                        )}
                        {s.deadline && (
                          <>
                            <span className="text-slate-500">
                              {t(s.kind === 'OPEN' ? 'problems.deadline' : 'problems.newDeadline')}：
                            </span>
                            <span className="tabular-nums">{s.deadline}</span>
                          </>
                        )}
                      </p>
                    )}
                    {s.photos.length > 0 && (
                      <div role="group" className="mt-2 flex flex-wrap gap-2" aria-label={t('problems.photos')}>
                        {s.photos.map((photoId, i) => (
                          <a
                            key={String(photoId)}
                            href={`/api/attachments/${photoId}`}
                            target="_blank"
                            rel="noopener"
                            className="block h-20 w-20 overflow-hidden rounded border border-slate-200 bg-slate-50"
                          >
                            <img
                              src={`/api/attachments/${photoId}`}
                              alt={t('problems.photo', { n: i + 1 })}
                              className="h-full w-full object-cover"
                              loading="lazy"
                            />
                          </a>
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
