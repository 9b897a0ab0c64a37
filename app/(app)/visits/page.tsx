import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PendingVillages } from '@/components/dashboard/pending-villages';
import { PageBody } from '@/components/layout/page-body';
import { RememberList } from '@/components/layout/remembered-list';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { shareLevel } from '@/lib/dashboard/rules';
import { visitCoverage } from '@/lib/figures/data';
import { formatPercent, percent } from '@/lib/figures/rules';
import { parsePage } from '@/lib/http';
import { policyValuesFor } from '@/lib/policy/data';
import { areaPrefix } from '@/lib/regions/scope';
import { chinaYear, isoDay } from '@/lib/time';
import { listVisits, overdueCadreVisits, overdueTeamVisits, VISIT_PAGE_SIZE } from '@/lib/visits/data';

const rate = (done: number, due: number) => (due === 0 ? '—' : formatPercent(percent(done, due)));

export default async function VisitsPage(props: {
  searchParams: Promise<{ area?: string; page?: string; rule?: string }>;
}) {
  const viewer = await requirePermission('visit.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <VisitsContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function VisitsContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ area?: string; page?: string; rule?: string }> } & { viewer: Viewer }) {
  const query = await searchParams;
  // The area first (no query), so the coverage, the list and the overdue households are read side by side.
  const area = areaPrefix(viewer, query.area);
  // Households not visited in time are listed for a county and below: above, the list would read every pairing
  // of the city or province (5 s for the province) to show 100 of thousands; the table gives each county's share.
  const listsOverdue = area.length >= 6;
  const [coverage, t, list, overdue, policy] = await Promise.all([
    visitCoverage(viewer, area),
    getTranslations(),
    listVisits(viewer, { area, page: parsePage(query.page) }),
    !listsOverdue
      ? null
      : query.rule === 'team' || query.rule === 'leader'
        ? overdueTeamVisits(viewer, area, query.rule)
        : overdueCadreVisits(viewer, area),
    policyValuesFor(area.slice(0, 6), chinaYear()),
  ]);
  const total = coverage.total;
  const href = (code?: string) => (code ? `/visits?area=${code}` : '/visits');
  // The dashboard's colours: red below the policy's line, amber from it up to all done (lib/dashboard/rules).
  const tone = (done: number, due: number) => {
    const level = shareLevel(done, due, policy.visitRedBelowPercent);
    return level === 'missed' ? 'text-red-700' : level === 'atRisk' ? 'text-amber-800' : '';
  };
  // Phone visits (locked-door households) count, and the in-person share is shown beside them.
  const inPerson = (count: number, done: number) =>
    done > count ? ` · ${t('visits.inPersonOf', { count })}，${t('visits.phoneNote', { count: done - count })}` : '';
  const rule = query.rule === 'team' || query.rule === 'leader' ? query.rule : 'cadre';
  const ruleLabel = {
    cadre: t('visits.coverageCadre'),
    team: t('visits.coverageTeam'),
    leader: t('visits.coverageLeader'),
  };
  const ruleHref = (r: string) =>
    `/visits?${new URLSearchParams({ ...(query.area ? { area: query.area } : {}), ...(r !== 'cadre' ? { rule: r } : {}) })}`;
  return (
    <>
      <RememberList path="/visits" />
      <PageHeader
        title={t('visits.coverageTitle')}
        description={
          <>
            {t('visits.coverageHint', {
              cadre: policy.cadreVisitDays,
              team: policy.teamVisitDays,
              leader: policy.leaderVisitDays,
            })}
            <PendingVillages villages={coverage.pending} className="ml-2" />
          </>
        }
        actions={
          <div className="flex gap-2">
            {coverage.area !== viewer.scopeCode && (
              <Link href={href()} className={buttonClass('secondary')}>
                {viewer.scopeName}
              </Link>
            )}
            {can(viewer.role, 'visit.create') && (
              <Link href="/visits/new" className={buttonClass('primary')}>
                {t('visits.newVisit')}
              </Link>
            )}
          </div>
        }
      />
      <div className="space-y-4">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Stat
            label={t('visits.coverageCadre')}
            value={
              <span className={tone(total.cadreDone, total.cadreDue)}>{rate(total.cadreDone, total.cadreDue)}</span>
            }
            hint={`${total.cadreDone}/${total.cadreDue}${inPerson(total.cadreInPerson, total.cadreDone)}`}
          />
          <Stat
            label={t('visits.coverageTeam')}
            value={<span className={tone(total.teamDone, total.teamDue)}>{rate(total.teamDone, total.teamDue)}</span>}
            hint={`${total.teamDone}/${total.teamDue}${inPerson(total.teamInPerson, total.teamDone)}`}
          />
          <Stat
            label={t('visits.coverageLeader')}
            value={
              <span className={tone(total.leaderDone, total.leaderDue)}>{rate(total.leaderDone, total.leaderDue)}</span>
            }
            hint={`${total.leaderDone}/${total.leaderDue}`}
          />
        </div>
        <Card>
          <Table minWidth="40rem">
            <HeadRow>
              <Th>{t('pairings.area')}</Th>
              <NumTh>{t('visits.coverageCadre')}</NumTh>
              <NumTh>{t('visits.coverageTeam')}</NumTh>
              <NumTh>{t('visits.coverageLeader')}</NumTh>
            </HeadRow>
            <tbody>
              {coverage.groups.map((g) => (
                <Row hover key={g.code} data-area={g.code}>
                  <Td>{g.code.length < 12 ? <TextLink href={href(g.code)}>{g.name}</TextLink> : g.name}</Td>
                  <Td className={`text-right tabular-nums ${tone(g.cadreDone, g.cadreDue)}`}>
                    {g.cadreDone}/{g.cadreDue}
                  </Td>
                  <Td className={`text-right tabular-nums ${tone(g.teamDone, g.teamDue)}`}>
                    {g.teamDone}/{g.teamDue}
                  </Td>
                  <Td className={`text-right tabular-nums ${tone(g.leaderDone, g.leaderDue)}`}>
                    {g.leaderDone}/{g.leaderDue}
                  </Td>
                </Row>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card
          title={`${t('visits.notVisited')}（${ruleLabel[rule]}）`}
          actions={
            <div className="flex gap-3 text-sm">
              {(['cadre', 'team', 'leader'] as const)
                .filter((r) => r !== rule)
                .map((r) => (
                  <TextLink key={r} href={ruleHref(r)}>
                    {ruleLabel[r]}
                  </TextLink>
                ))}
            </div>
          }
        >
          {overdue === null ? (
            <p className="text-sm text-slate-600">{t('visits.notVisitedChooseCounty')}</p>
          ) : overdue.length === 0 ? (
            <p className="text-sm text-green-700">{t('attendance.noRows')}</p>
          ) : (
            <Table minWidth="32rem">
              <HeadRow>
                <Th>{t('pairings.household')}</Th>
                <Th>{t('pairings.village')}</Th>
                <Th>{t('visits.shouldVisit')}</Th>
                <Th>{t('visits.lastVisit')}</Th>
              </HeadRow>
              <tbody>
                {overdue.map((o) => (
                  <Row key={`${o.household_id}-${o.cadre_id ?? ''}`}>
                    <Td>
                      <TextLink href={`/households/${o.household_id}`}>{o.head_name}</TextLink>
                    </Td>
                    <Td>{o.village}</Td>
                    <Td>{rule === 'team' ? `${o.village}${t('teams.title')}` : (o.cadre_name ?? '—')}</Td>
                    <Td className="tabular-nums">{o.last_visit ? isoDay(o.last_visit) : t('visits.never')}</Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={`${t('visits.list')}（${list.total}${list.more ? '+' : ''}）`}>
          {list.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t('visits.noVisits')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {list.rows.map((v) => (
                <li key={v.id} className="py-2" data-visit={v.id}>
                  <div className="flex flex-wrap justify-between gap-2">
                    <span>
                      <TextLink href={`/households/${v.householdId}`} className="font-medium">
                        {v.headName}
                      </TextLink>{' '}
                      <span className="text-slate-500">{v.villageName}</span>
                    </span>
                    <span className="tabular-nums text-slate-500">
                      {v.visitedOn} · {t(`visits.kinds.${v.kind}`)} · {v.visitorName}
                    </span>
                  </div>
                  {v.findings && <p className="mt-1 text-slate-700">{v.findings}</p>}
                  {v.helpDelivered && <p className="text-slate-600">{v.helpDelivered}</p>}
                  {v.photos.length > 0 && (
                    <div className="mt-1 flex gap-2">
                      {v.photos.map((id) => (
                        <a key={id} href={`/api/attachments/${id}`} target="_blank" rel="noreferrer">
                          <img src={`/api/attachments/${id}`} alt="" className="h-14 w-14 rounded object-cover" />
                        </a>
                      ))}
                    </div>
                  )}
                  {v.problems > 0 && (
                    <Link href={`/problems?area=${coverage.area}`} className="text-xs text-amber-800">
                      {t('visits.problemsFound')} {v.problems}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={list.page}
            pageSize={VISIT_PAGE_SIZE}
            total={list.total}
            more={list.more}
            basePath="/visits"
            params={{ area: query.area }}
          />
        </Card>
      </div>
    </>
  );
}
