import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { CoverageCell } from '@/components/teams/coverage-cell';
import { CreateTeamForm } from '@/components/teams/create-team-form';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parsePage } from '@/lib/http';
import { policyValuesFor } from '@/lib/policy/data';
import { listTeams, TEAM_PAGE_SIZE, villagesWithoutTeam } from '@/lib/teams/data';
import { chinaYear } from '@/lib/time';

export default async function TeamsPage(props: { searchParams: Promise<{ gaps?: string; area?: string }> }) {
  const viewer = await requirePermission('team.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <TeamsContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function TeamsContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ gaps?: string; area?: string; page?: string }> } & { viewer: Viewer }) {
  const { gaps, area, page: pageParam } = await searchParams;
  const page = parsePage(pageParam);
  const gapsOnly = gaps === '1';
  const [rows, t, noTeam] = await Promise.all([
    listTeams(viewer, { area, gapsOnly }),
    getTranslations(),
    can(viewer.role, 'team.manage') ? villagesWithoutTeam(viewer) : [],
  ]);
  const county = viewer.scopeCode.slice(0, 6);
  const policy = await policyValuesFor(county, chinaYear());
  const size = { min: policy.teamSizeMin, max: policy.teamSizeMax };
  const filter = (on: boolean) =>
    `/teams?${new URLSearchParams({ ...(area ? { area } : {}), ...(on ? { gaps: '1' } : {}) })}`;
  return (
    <>
      <PageHeader
        title={gapsOnly ? t('teams.gapsTitle') : t('teams.title')}
        description={`${viewer.scopeName} · ${rows.length}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={filter(!gapsOnly)} className={buttonClass('secondary')}>
              {gapsOnly ? t('teams.allTeams') : t('teams.onlyGaps')}
            </Link>
            <Link href="/teams/compliance" className={buttonClass('secondary')}>
              {t('teams.compliance')}
            </Link>
            <Link href="/teams/duties" className={buttonClass('secondary')}>
              {t('teams.dutiesLink')}
            </Link>
            <Link href="/teams/units" className={buttonClass('secondary')}>
              {t('teams.units')}
            </Link>
          </div>
        }
      />
      <Card>
        <Table minWidth="44rem">
          <HeadRow>
            <Th>{t('teams.village')}</Th>
            <Th>{t('teams.township')}</Th>
            <Th>{t('teams.leader')}</Th>
            <NumTh>{t('teams.size')}</NumTh>
            <Th>{t('teams.coverage')}</Th>
            <Th />
          </HeadRow>
          <tbody>
            {rows.slice((page - 1) * TEAM_PAGE_SIZE, page * TEAM_PAGE_SIZE).map((row) => (
              <Row hover key={row.villageCode} data-village={row.villageCode}>
                <Td>
                  {row.id ? (
                    <TextLink href={`/teams/${row.id}`} className="font-medium">
                      {row.villageName}
                    </TextLink>
                  ) : (
                    row.villageName
                  )}
                </Td>
                <Td>{row.townshipName}</Td>
                <Td>
                  {row.leaderName ?? '—'}
                  {row.leaderDetached === false && (
                    <span className="ml-1 text-xs text-red-700">（{t('teams.notDetached')}）</span>
                  )}
                </Td>
                <NumCell>{row.id ? row.coverage.size : '—'}</NumCell>
                <Td>
                  {row.id ? (
                    <CoverageCell coverage={row.coverage} size={size} />
                  ) : (
                    <span className="text-red-700" data-gap>
                      {t('teams.noTeam')}
                    </span>
                  )}
                </Td>
                <Td>{row.id && <TextLink href={`/teams/${row.id}/attendance`}>{t('teams.monthGrid')}</TextLink>}</Td>
              </Row>
            ))}
          </tbody>
        </Table>
        <Pagination
          page={page}
          pageSize={TEAM_PAGE_SIZE}
          total={rows.length}
          basePath="/teams"
          params={{ area, gaps: gapsOnly ? '1' : undefined }}
        />
      </Card>
      {can(viewer.role, 'team.manage') && noTeam.length > 0 && (
        <div className="mt-4">
          <Card title={t('teams.newTeam')}>
            <CreateTeamForm villages={noTeam} />
          </Card>
        </div>
      )}
    </>
  );
}
