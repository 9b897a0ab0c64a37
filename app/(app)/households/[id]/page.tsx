import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EditHouseholdForm } from '@/components/households/edit-household-form';
import { GuaranteeForm } from '@/components/households/guarantee-form';
import { IncomeForm } from '@/components/households/income-form';
import { MemberForm } from '@/components/households/member-form';
import { RevealId } from '@/components/households/reveal-id';
import { StatusBadge } from '@/components/households/status-badge';
import { StatusForm } from '@/components/households/status-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageBody } from '@/components/layout/page-body';
import { HouseholdMonitoringCard } from '@/components/monitoring/household-monitoring-card';
import { HouseholdPairingCard } from '@/components/pairings/household-pairing-card';
import { HelpPlanCard } from '@/components/plans/help-plan-card';
import { Breadcrumb } from '@/components/regions/breadcrumb';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { HouseholdVisitsCard } from '@/components/visits/household-visits-card';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { exitCheckOf, getHousehold } from '@/lib/households/data';
import {
  actorLevelOf,
  exitProblems,
  GUARANTEE_COLUMNS,
  GUARANTEES,
  isNoticeStatus,
  isPoorStatus,
  perCapitaIncome,
  type StepDetails,
  stepOptions,
} from '@/lib/households/rules';
import { parseId } from '@/lib/http';
import { regionTrail } from '@/lib/regions/data';
import { chinaDate, chinaMoment, chinaToday, chinaYear } from '@/lib/time';

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('household.view');
  const household = await getHousehold(viewer, parseId((await params).id) ?? notFound());
  return (
    <ClientMessages namespaces={['common', 'plans']}>
      <PageBody>
        <HouseholdContent viewer={viewer} household={household} />
      </PageBody>
    </ClientMessages>
  ); // the checks above set the status (403, 404) before the response starts
}

async function HouseholdContent({
  viewer,
  household,
}: {
  viewer: Viewer;
  household: Awaited<ReturnType<typeof getHousehold>>;
}) {
  const year = chinaYear();
  const [trail, t, format, exitCheck] = await Promise.all([
    regionTrail(viewer, household.regionCode),
    getTranslations(),
    getFormatter(),
    exitCheckOf(viewer, household.id, year),
  ]);
  const editable = can(viewer.role, 'household.edit');
  const steps = can(viewer.role, 'household.status')
    ? stepOptions(household.status, actorLevelOf(viewer.scopeCode))
    : [];
  const problems = exitProblems(exitCheck.facts);
  const thisYearIncome = household.incomes.find((i) => i.year === year);
  return (
    <>
      <Breadcrumb trail={trail} label={t('regions.breadcrumb')} />
      <PageHeader
        title={t('households.householdOf', { name: household.headName })}
        description={`${household.village.name} ${household.groupName} · ${t('households.membersCount', { count: household.memberCount })}${household.phoneMasked ? ` · ${household.phoneMasked}` : ''}`}
        actions={<StatusBadge status={household.status} />}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('households.facts')}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt className="text-slate-500">{t('households.status')}</dt>
            <dd>
              {t(`households.statuses.${household.status}`)}（{chinaDate(household.statusSince)}）
            </dd>
            <dt className="text-slate-500">{t('households.identifiedYear')}</dt>
            <dd>{household.identifiedYear ?? '—'}</dd>
            <dt className="text-slate-500">{t('households.exitYear')}</dt>
            <dd>{household.exitYear ?? '—'}</dd>
            <dt className="text-slate-500">{t('households.allowance')}</dt>
            <dd>{t(`households.allowances.${household.allowance}`)}</dd>
            <dt className="text-slate-500">{t('households.povertyCauses')}</dt>
            <dd>{household.povertyCauses.map((c) => t(`households.causes.${c}`)).join('、') || '—'}</dd>
          </dl>
          <h3 className="mt-4 mb-2 text-sm font-semibold">{t('households.guarantees.exitCheck', { year })}</h3>
          <p className="text-sm" data-testid="exit-income">
            {exitCheck.facts.perCapitaIncomeYuan === null
              ? t('households.guarantees.noIncomeOfYear', { year, line: exitCheck.facts.incomeLineYuan })
              : t('households.guarantees.incomeOfYear', {
                  year,
                  income: format.number(exitCheck.facts.perCapitaIncomeYuan),
                  line: exitCheck.facts.incomeLineYuan,
                })}
          </p>
          <ul className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2" data-testid="guarantees">
            {GUARANTEES.map((g) => {
              const check = exitCheck.lastCheck[g];
              return (
                <li
                  key={g}
                  className={
                    check === null ? 'text-amber-800' : check.met ? 'text-green-800' : 'font-medium text-red-700'
                  }
                >
                  {check === null ? '？' : check.met ? '✓' : '✗'}{' '}
                  {t(`households.checklistItems.${GUARANTEE_COLUMNS[g]}`)}
                  <span className="ml-1 text-xs text-slate-500">
                    {check === null
                      ? t('households.guarantees.unknown')
                      : t('households.guarantees.checkedBy', { name: check.by, date: check.on })}
                  </span>
                </li>
              );
            })}
          </ul>
          {exitCheck.facts.openUrgentProblems > 0 && (
            <p className="mt-2 text-sm text-red-700">
              {t('households.guarantees.urgent', { count: exitCheck.facts.openUrgentProblems })}
            </p>
          )}
          {isPoorStatus(household.status) && (
            <p className={`mt-2 text-sm font-medium ${problems.length ? 'text-amber-800' : 'text-green-800'}`}>
              {problems.length
                ? `${t('households.stepRefusals.exitRule')}：${problems.map((p) => t(`households.exitProblems.${p}`)).join('、')}`
                : t('households.guarantees.exitOk')}
            </p>
          )}
          {can(viewer.role, 'household.verify') && (
            <details className="mt-3 rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">
                {t('households.guarantees.title')}
              </summary>
              <p className="mt-2 text-xs text-slate-500">{t('households.guarantees.hint')}</p>
              <div className="mt-3">
                <GuaranteeForm householdId={household.id} visits={exitCheck.visits} />
              </div>
            </details>
          )}
        </Card>
        <HouseholdPairingCard viewer={viewer} householdId={household.id} />
        <HouseholdVisitsCard viewer={viewer} householdId={household.id} />
        <Card title={t('households.statusSteps')}>
          {can(viewer.role, 'household.status') && (
            <StatusForm
              key={`${household.status}-${household.version}`}
              id={household.id}
              version={household.version}
              steps={steps}
              signer={{ name: viewer.displayName, today: chinaToday() }}
            />
          )}
          {isNoticeStatus(household.status) && (
            <p className="mt-2 text-sm">
              <TextLink href={`/households/notices?area=${household.regionCode}&kind=${household.status}`}>
                {t('households.step.printNotice')}
              </TextLink>
            </p>
          )}
          <ol className="mt-4 space-y-2 border-l border-slate-200 pl-4 text-sm">
            {household.statusEvents.map((event) => (
              <li key={String(event.id)}>
                <div className="font-medium">{t(`households.statuses.${event.toStatus}`)}</div>
                <div className="text-xs text-slate-500">
                  {chinaMoment(event.at)} · {event.userName ?? '—'}
                  {event.note ? ` · ${event.note}` : ''}
                </div>
                <StepRecord details={event.details as StepDetails | null} />
              </li>
            ))}
          </ol>
        </Card>
      </div>

      <div className="mt-4">
        <Card title={t('households.membersTitle')}>
          <Table minWidth="40rem">
            <HeadRow>
              <Th>{t('households.memberName')}</Th>
              <Th>{t('households.relation')}</Th>
              <Th>{t('households.idNumber')}</Th>
              <Th>{t('households.sexAge')}</Th>
              {household.members[0]?.health !== null && <Th>{t('households.health')}</Th>}
              {household.members[0]?.labour !== null && <Th>{t('households.labour')}</Th>}
            </HeadRow>
            <tbody>
              {household.members.map((m) => (
                <Row top key={m.id}>
                  <Td className="font-medium">
                    {m.name}
                    {m.inSchool && <span className="ml-1 text-xs text-slate-500">（{t('households.inSchool')}）</span>}
                  </Td>
                  <Td>{t(`households.relations.${m.relation}`)}</Td>
                  <Td>
                    {can(viewer.role, 'personal.reveal') ? (
                      <RevealId personId={m.id} masked={m.idMasked} />
                    ) : (
                      <span className="font-mono">{m.idMasked}</span>
                    )}
                  </Td>
                  <Td>
                    {t(`households.sex.${m.sex}`)} · {t('households.age', { age: m.age })}
                  </Td>
                  {m.health !== null && <Td>{t(`households.healthValues.${m.health}`)}</Td>}
                  {m.labour !== null && <Td>{t(`households.labourValues.${m.labour}`)}</Td>}
                </Row>
              ))}
            </tbody>
          </Table>
          {editable && (
            <details className="mt-4 rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">
                {t('households.addMember')}
              </summary>
              <div className="mt-3">
                <MemberForm householdId={household.id} householdVersion={household.version} />
              </div>
            </details>
          )}
          {editable &&
            household.members.map((m) => (
              <details key={m.id} className="mt-2 rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm text-slate-700">
                  {t('households.editMember', { name: m.name })}
                </summary>
                <div className="mt-3">
                  <MemberForm
                    householdId={household.id}
                    householdVersion={household.version}
                    member={{
                      id: m.id,
                      version: m.version,
                      name: m.name,
                      relation: m.relation,
                      health: m.health,
                      labour: m.labour,
                      inSchool: m.inSchool,
                      idMasked: m.idMasked,
                      phoneMasked: m.phoneMasked,
                    }}
                  />
                </div>
              </details>
            ))}
        </Card>
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title={t('households.incomeTitle')}>
          <Table minWidth="24rem">
            <HeadRow>
              <Th>{t('households.year')}</Th>
              <NumTh>{t('households.incomeTotal')}</NumTh>
              <NumTh>{t('households.perCapita')}</NumTh>
            </HeadRow>
            <tbody>
              {household.incomes.map((income) => (
                <Row key={income.id}>
                  <Td>{income.year}</Td>
                  <NumCell>
                    {format.number(income.wageYuan + income.productionYuan + income.propertyYuan + income.transferYuan)}
                  </NumCell>
                  <NumCell>{format.number(perCapitaIncome(income, household.memberCount) ?? 0)}</NumCell>
                </Row>
              ))}
              {household.incomes.length === 0 && (
                <tr>
                  <Td colSpan={3} className="text-slate-500">
                    {t('households.noIncome')}
                  </Td>
                </tr>
              )}
            </tbody>
          </Table>
          {editable && (
            <div className="mt-4">
              <IncomeForm
                householdId={household.id}
                year={year}
                income={
                  thisYearIncome && {
                    year: thisYearIncome.year,
                    version: thisYearIncome.version,
                    wageYuan: thisYearIncome.wageYuan,
                    productionYuan: thisYearIncome.productionYuan,
                    propertyYuan: thisYearIncome.propertyYuan,
                    transferYuan: thisYearIncome.transferYuan,
                  }
                }
              />
            </div>
          )}
        </Card>
        <HelpPlanCard viewer={viewer} householdId={household.id} />
        <HouseholdMonitoringCard viewer={viewer} householdId={household.id} />
      </div>

      {editable && (
        <div className="mt-4">
          <Card title={t('households.editHousehold')}>
            <EditHouseholdForm
              id={household.id}
              version={household.version}
              values={{
                groupName: household.groupName,
                phone: '',
                allowance: household.allowance,
                povertyCauses: household.povertyCauses,
              }}
            />
          </Card>
        </div>
      )}
      <p className="mt-4 text-sm">
        <TextLink href={`/households?area=${household.regionCode}`}>
          ← {t('households.backToVillage', { village: household.village.name })}
        </TextLink>
      </p>
    </>
  );
}

/** What a step recorded: the appraisal, the signature, the reason, the cause. */
async function StepRecord({ details }: { details: StepDetails | null }) {
  if (!details) return null;
  const t = await getTranslations('households.step');
  const lines: string[] = [];
  if (details.appraisal)
    lines.push(
      t('appraisalRecord', {
        date: details.appraisal.on,
        attendees: details.appraisal.attendees,
        result: t(`appraisalResults.${details.appraisal.result}`),
      }) +
        (details.appraisal.attendeeNames ? `（${details.appraisal.attendeeNames}）` : '') +
        (details.appraisal.assessYear ? ` · ${t('assessYear', { year: details.appraisal.assessYear })}` : ''),
    );
  if (details.vouch) lines.push(t('vouchRecord', { name: details.vouch.name, date: details.vouch.on }));
  if (details.cause) lines.push(t('causeRecord', { cause: t(`returnCauses.${details.cause}`) }));
  if (details.reason) lines.push(t('reasonRecord', { reason: details.reason }));
  return (
    <>
      {lines.map((line) => (
        <div key={line} className="text-xs text-slate-700">
          {line}
        </div>
      ))}
    </>
  );
}
