import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/households/status-badge';
import {
  CompleteInspectionForm,
  FindingForm,
  HouseholdCheckForm,
  PresenceForm,
} from '@/components/inspections/inspection-forms';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { parseId } from '@/lib/http';
import { getInspection } from '@/lib/inspections/data';
import { chinaToday } from '@/lib/time';

export default async function InspectionPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('inspection.view');
  const { id } = await params;
  const inspection = await getInspection(viewer, parseId(id) ?? notFound()); // not found: outside the area, or planned and the viewer no inspector
  return (
    <PageBody>
      <InspectionContent inspection={inspection} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function InspectionContent({ inspection }: { inspection: Awaited<ReturnType<typeof getInspection>> }) {
  const t = await getTranslations('inspections');
  const today = chinaToday();
  const day = inspection.plannedOn <= today ? inspection.plannedOn : today; // ISO date strings
  const presenceOf = (cadreId: number) => inspection.presenceChecks.find((c) => c.cadreId === cadreId && c.day === day);
  const editable = inspection.canWork && inspection.status === 'PLANNED' && inspection.plannedOn <= today;
  const answer = (v: boolean | null) => t(`answers.${v === true ? 'yes' : v === false ? 'no' : 'unknown'}`);
  return (
    <>
      <PageHeader
        title={`${t(`kinds.${inspection.kind}`)} · ${inspection.plannedOn}`}
        description={`${inspection.areaName}${inspection.unitName ? ` · ${inspection.unitName}` : ''} · ${t(`statuses.${inspection.status}`)}`}
        actions={
          <TextLink href="/inspections" className="text-sm">
            ← {t('title')}
          </TextLink>
        }
      />
      <div className="space-y-4">
        {inspection.canWork && inspection.status === 'PLANNED' && inspection.plannedOn > today && (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t('notYet')}</p>
        )}
        <Card title={t('draw')}>
          <dl className="grid gap-2 text-sm sm:grid-cols-3">
            {inspection.seed !== null && (
              <div>
                <dt className="text-slate-500">{t('seed')}</dt>
                <dd className="font-mono" data-testid="draw-seed">
                  {inspection.seed}
                </dd>
              </div>
            )}
            {inspection.candidateCount !== null && (
              <div>
                <dt className="text-slate-500">{t('area')}</dt>
                <dd>{t('candidates', { count: inspection.candidateCount })}</dd>
              </div>
            )}
            <div>
              <dt className="text-slate-500">{t('villages')}</dt>
              <dd>{inspection.villages.map((v) => v.name).join('、')}</dd>
            </div>
          </dl>
          {inspection.verified !== null && (
            <p className={`mt-3 text-sm ${inspection.verified ? 'text-green-800' : 'text-amber-800'}`}>
              {inspection.verified ? `✓ ${t('verified')}` : t('notVerified')}
            </p>
          )}
        </Card>

        {inspection.villages.map((village) => (
          <Card key={village.villageCode} title={`${village.drawOrder}. ${village.name}`}>
            <div className="space-y-5" data-village={village.villageCode}>
              <section className="space-y-2">
                <h3 className="text-sm font-semibold text-slate-700">{t('team', { day })}</h3>
                {village.members.length === 0 && <p className="text-sm text-slate-600">{t('noMembers')}</p>}
                <ul className="space-y-2">
                  {village.members.map((m) => {
                    const check = presenceOf(m.cadreId);
                    return (
                      <li key={m.cadreId} className="rounded-md border border-slate-200 p-2">
                        {editable ? (
                          <PresenceForm
                            inspectionId={inspection.id}
                            cadreId={m.cadreId}
                            day={day}
                            name={m.name}
                            recorded={check ? check.present : null}
                          />
                        ) : (
                          <span className="text-sm">
                            {m.name}：{check ? (check.present ? t('present') : t('absent')) : '—'}
                          </span>
                        )}
                        {check?.discrepancy && (
                          <p className="mt-1 text-sm font-semibold text-red-700" data-testid="discrepancy">
                            ● {t('discrepancyTitle')}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
              <section className="space-y-2">
                <h3 className="text-sm font-semibold text-slate-700">
                  {t('households')} · {t('candidateHouseholds', { count: village.candidateHouseholds })}
                </h3>
                <ul className="space-y-3">
                  {village.households.map((h) => {
                    const check = inspection.householdChecks.find((c) => c.householdId === h.id) ?? null;
                    return (
                      <li key={h.id} className="rounded-md border border-slate-200 p-3">
                        <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                          <TextLink href={`/households/${h.id}`} className="font-medium">
                            {h.headName}
                          </TextLink>
                          <span className="text-slate-500">{h.groupName}</span>
                          <StatusBadge status={h.status} />
                        </p>
                        {editable ? (
                          <HouseholdCheckForm
                            inspectionId={inspection.id}
                            householdId={h.id}
                            headName={h.headName}
                            current={
                              check && {
                                visitedAsClaimed: check.visitedAsClaimed,
                                knowsCadre: check.knowsCadre,
                                measuresReal: check.measuresReal,
                                satisfied: check.satisfied,
                                note: check.note,
                              }
                            }
                          />
                        ) : check ? (
                          <p className="text-sm text-slate-700">
                            {(['visitedAsClaimed', 'knowsCadre', 'measuresReal', 'satisfied'] as const)
                              .map((q) => `${t(`questions.${q}`)}：${answer(check[q])}`)
                              .join('；')}
                            {check.note ? `；${check.note}` : ''}
                          </p>
                        ) : (
                          <p className="text-sm text-slate-500">—</p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            </div>
          </Card>
        ))}

        <Card title={t('findings')}>
          {inspection.findings.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noFindings')}</p>
          ) : (
            <ul className="mb-4 space-y-2 text-sm">
              {inspection.findings.map((f) => (
                <li key={f.id} className="rounded-md bg-slate-50 p-2">
                  <span className="font-medium">
                    {inspection.villages.find((v) => v.villageCode === f.villageCode)?.name}
                  </span>
                  ：{f.description}
                  {f.problemId && (
                    <>
                      {' '}
                      · <TextLink href={`/problems/${f.problemId}`}>{t('problemLink', { id: f.problemId })}</TextLink>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {editable && (
            <FindingForm
              inspectionId={inspection.id}
              villages={inspection.villages.map((v) => ({ code: v.villageCode, name: v.name }))}
            />
          )}
        </Card>

        {editable && (
          <Card title={t('complete')}>
            <CompleteInspectionForm inspectionId={inspection.id} version={inspection.version} />
          </Card>
        )}
        {inspection.summary && (
          <Card title={t('summary')}>
            <p className="whitespace-pre-wrap text-sm">{inspection.summary}</p>
          </Card>
        )}
      </div>
    </>
  );
}
