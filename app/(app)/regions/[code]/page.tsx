import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/households/status-badge';
import { PageBody } from '@/components/layout/page-body';
import { Breadcrumb } from '@/components/regions/breadcrumb';
import { VillageForm } from '@/components/regions/village-form';
import { CoverageCell } from '@/components/teams/coverage-cell';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatPercent } from '@/lib/figures/rules';
import { statusCounts } from '@/lib/households/data';
import { ledgerCounts } from '@/lib/problems/data';
import { childSummaries, getRegion, regionTrail } from '@/lib/regions/data';
import { teamOfVillage } from '@/lib/teams/data';

export default async function RegionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const viewer = await requirePermission('region.view');
  const region = await getRegion(viewer, code); // not found outside the viewer's area
  return (
    <PageBody>
      <RegionContent viewer={viewer} region={region} code={code} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function RegionContent({
  viewer,
  region,
  code,
}: {
  viewer: Viewer;
  region: Awaited<ReturnType<typeof getRegion>>;
  code: string;
}) {
  const [trail, children, counts, t] = await Promise.all([
    regionTrail(viewer, code),
    childSummaries(viewer, code),
    statusCounts(viewer, code),
    getTranslations(),
  ]);
  const isVillage = region.level === 'VILLAGE';
  const team =
    isVillage && region.isPoorVillage && can(viewer.role, 'team.view')
      ? await teamOfVillage(viewer, region.code)
      : null;
  const childIsVillage = children[0]?.level === 'VILLAGE';
  const problems = can(viewer.role, 'problem.view') ? (await ledgerCounts(viewer, { area: region.code })).total : null;
  const totals = children.reduce(
    (sum, c) => ({
      villages: sum.villages + c.villages,
      poor: sum.poor + c.poorVillages,
      exited: sum.exited + c.exitedPoorVillages,
    }),
    { villages: 0, poor: 0, exited: 0 },
  );
  return (
    <>
      <Breadcrumb trail={trail} label={t('regions.breadcrumb')} />
      <PageHeader
        title={region.name}
        description={`${t(`levels.${region.level}`)} · ${t('regions.code')} ${region.code}`}
        actions={
          isVillage && region.isPoorVillage ? (
            <span className="rounded-full bg-brand-100 px-3 py-1 text-xs font-medium text-brand-800">
              {t('regions.poorVillage')}
            </span>
          ) : null
        }
      />
      {isVillage ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card title={t('regions.villageFacts')}>
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <dt className="text-slate-500">{t('regions.isPoorVillage')}</dt>
              <dd>{region.isPoorVillage ? t('common.yes') : t('common.no')}</dd>
              <dt className="text-slate-500">{t('regions.plannedExitYear')}</dt>
              <dd>{region.plannedExitYear ?? '—'}</dd>
              <dt className="text-slate-500">{t('regions.exitedYear')}</dt>
              <dd>{region.exitedYear ?? '—'}</dd>
              <dt className="text-slate-500">{t('regions.location')}</dt>
              <dd className="tabular-nums">
                {region.latitude !== null ? `${region.latitude}, ${region.longitude}` : '—'}
              </dd>
            </dl>
          </Card>
          {team && (
            <Card title={<TextLink href={`/teams/${team.id}`}>{t('teams.title')}</TextLink>}>
              <p className="text-sm">
                {t('teams.leader')}：{team.leaderName ?? '—'} · {t('teams.size')} {team.coverage.size}
              </p>
              <p className="mt-1 text-sm">
                <CoverageCell coverage={team.coverage} size={team.size} />
              </p>
              <TextLink href={`/teams/${team.id}/attendance`} className="mt-2 inline-block text-sm">
                {t('teams.monthGrid')}
              </TextLink>
            </Card>
          )}
          {can(viewer.role, 'region.edit') && (
            <Card title={t('regions.editVillage')}>
              <VillageForm village={region} />
            </Card>
          )}
        </div>
      ) : (
        <Card title={t('regions.children', { level: children[0] ? t(`levels.${children[0].level}`) : '' })}>
          <Table minWidth="28rem">
            <HeadRow>
              <Th>{t('regions.name')}</Th>
              <Th>{t('regions.code')}</Th>
              {childIsVillage ? (
                <>
                  <Th>{t('regions.isPoorVillage')}</Th>
                  <Th>{t('regions.plannedExitYear')}</Th>
                </>
              ) : (
                <>
                  <NumTh>{t('home.villages')}</NumTh>
                  <NumTh>{t('home.poorVillages')}</NumTh>
                  <NumTh>{t('home.exitedPoorVillages')}</NumTh>
                </>
              )}
            </HeadRow>
            <tbody>
              {children.map((child) => (
                <Row hover key={child.code}>
                  <Td>
                    <TextLink href={`/regions/${child.code}`} className="font-medium">
                      {child.name}
                    </TextLink>
                  </Td>
                  <Td className="tabular-nums text-slate-500">{child.code}</Td>
                  {childIsVillage ? (
                    <>
                      <Td>{child.isPoorVillage ? t('regions.poorVillage') : '—'}</Td>
                      <Td className="tabular-nums">{child.plannedExitYear ?? '—'}</Td>
                    </>
                  ) : (
                    <>
                      <NumCell>{child.villages}</NumCell>
                      <NumCell>{child.poorVillages}</NumCell>
                      <NumCell>{child.exitedPoorVillages}</NumCell>
                    </>
                  )}
                </Row>
              ))}
            </tbody>
            {!childIsVillage && (
              <tfoot className="font-medium">
                <tr>
                  <Td colSpan={2}>{t('common.total')}</Td>
                  <NumCell>{totals.villages}</NumCell>
                  <NumCell>{totals.poor}</NumCell>
                  <NumCell>{totals.exited}</NumCell>
                </tr>
              </tfoot>
            )}
          </Table>
        </Card>
      )}
      {problems && (
        <div className="mt-4">
          <Card
            title={t('problems.title')}
            actions={
              <TextLink href={`/problems?area=${region.code}`} className="text-sm font-medium">
                {t('problems.viewLedger')} →
              </TextLink>
            }
          >
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="region-problems">
              <div>
                <dt className="text-slate-500">{t('problems.found')}</dt>
                <dd className="text-lg font-semibold tabular-nums">{problems.found}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('problems.struckOff')}</dt>
                <dd className="text-lg font-semibold tabular-nums">{problems.struckOff}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('problems.overdue')}</dt>
                <dd className={`text-lg font-semibold tabular-nums ${problems.overdue ? 'text-red-700' : ''}`}>
                  {problems.overdue}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('problems.rate')}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="village-problem-rate">
                  {formatPercent(problems.rate)}
                </dd>
              </div>
            </dl>
          </Card>
        </div>
      )}
      {counts && (
        <div className="mt-4">
          <Card
            title={t('regions.householdsByStatus')}
            actions={
              <TextLink href={`/households?area=${region.code}`} className="text-sm font-medium">
                {t('regions.viewHouseholds')} →
              </TextLink>
            }
          >
            <Table minWidth="20rem">
              <HeadRow>
                <Th>{t('households.status')}</Th>
                <NumTh>{t('regions.households')}</NumTh>
                <NumTh>{t('regions.people')}</NumTh>
              </HeadRow>
              <tbody>
                {counts.map((row) => (
                  <Row key={row.status}>
                    <Td>
                      <Link href={`/households?area=${region.code}&status=${row.status}`} className="hover:underline">
                        <StatusBadge status={row.status} />
                      </Link>
                    </Td>
                    <NumCell>{row.households}</NumCell>
                    <NumCell>{row.people}</NumCell>
                  </Row>
                ))}
              </tbody>
              <tfoot className="font-medium">
                <tr>
                  <Td>{t('common.total')}</Td>
                  <NumCell>{counts.reduce((sum, row) => sum + row.households, 0)}</NumCell>
                  <NumCell>{counts.reduce((sum, row) => sum + row.people, 0)}</NumCell>
                </tr>
              </tfoot>
            </Table>
          </Card>
        </div>
      )}
    </>
  );
}
