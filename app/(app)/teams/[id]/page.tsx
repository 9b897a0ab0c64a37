import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { CoverageCell } from '@/components/teams/coverage-cell';
import { AddPostingForm, ConfirmDetachedButton, EndPostingForm } from '@/components/teams/posting-forms';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/http';
import { getTeam, postingFormOptions, replacementRequests } from '@/lib/teams/data';
import { FULL_TIME_ROLES } from '@/lib/teams/rules';
import { chinaToday } from '@/lib/time';

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('team.view');
  const { id } = await params;
  const team = await getTeam(viewer, parseId(id) ?? notFound());
  return (
    <PageBody>
      <TeamContent viewer={viewer} team={team} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function TeamContent({ viewer, team }: { viewer: Viewer; team: Awaited<ReturnType<typeof getTeam>> }) {
  const t = await getTranslations();
  const manage = can(viewer.role, 'team.manage');
  const countyUser = manage && viewer.scopeCode.length <= 6;
  const [options, openRequests] = await Promise.all([
    manage ? postingFormOptions(viewer, team.village.code) : null,
    replacementRequests(viewer, { teamId: team.id, openOnly: true }),
  ]);
  const today = chinaToday();
  const active = team.postings.filter((p) => p.endedOn === null);
  const former = team.postings.filter((p) => p.endedOn !== null);
  const leader = active.find((p) => p.role === 'LEADER');
  // Seed 004 (不稳定脱贫，队伍不能撤): the last member of a village not yet exited leaves only on a county decision.
  const lastBeforeExit = active.length === 1 && team.village.isPoorVillage && team.village.exitedYear === null;
  return (
    <>
      <PageHeader
        title={`${team.village.name} ${t('teams.title')}`}
        description={`${team.village.parent?.name ?? ''} · ${t('teams.formedOn')} ${team.formedOn}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/teams/${team.id}/attendance`} className={buttonClass('secondary')}>
              {t('teams.monthGrid')}
            </Link>
            <Link href={`/teams/duties?area=${team.village.code}`} className={buttonClass('secondary')}>
              {t('teams.dutiesLink')}
            </Link>
          </div>
        }
      />
      <div className="space-y-4">
        <Card title={t('teams.coverage')}>
          <p className="text-sm">
            <CoverageCell
              coverage={team.coverage}
              size={{ min: team.policy.teamSizeMin, max: team.policy.teamSizeMax }}
            />
          </p>
          {leader && !leader.detachedConfirmed && (
            <p className="mt-2 text-sm text-red-700">{t('teams.leaderNotDetached')}</p>
          )}
          {openRequests.map((r) => (
            <p key={r.id} className="mt-2 text-sm font-semibold text-red-700" data-replacement={r.id}>
              {t('teams.openReplacement', { unit: r.unitName, role: t(`teams.roles.${r.role}`), days: r.daysOpen })}
            </p>
          ))}
        </Card>
        <Card title={`${t('teams.members')}（${active.length}）`}>
          <Table minWidth="46rem">
            <HeadRow>
              <Th>{t('teams.name')}</Th>
              <Th>{t('teams.role')}</Th>
              <Th>{t('teams.unit')}</Th>
              <Th>{t('teams.period')}</Th>
              <Th>{t('teams.account')}</Th>
              <Th />
            </HeadRow>
            <tbody>
              {active.map((p) => (
                <Row top key={p.id} data-posting={p.id}>
                  <Td>
                    <TextLink href={`/teams/people/${p.cadreId}`} className="font-medium">
                      {p.name}
                    </TextLink>
                  </Td>
                  <Td>
                    {t(`teams.roles.${p.role}`)}
                    {p.alsoFirstSecretary && `、${t('teams.alsoFirstSecretary')}`}
                    {FULL_TIME_ROLES.includes(p.role) && (
                      <div className={`text-xs ${p.detachedConfirmed ? 'text-green-700' : 'text-red-700'}`}>
                        {p.detachedConfirmed ? t('teams.detached') : t('teams.notDetached')}
                      </div>
                    )}
                  </Td>
                  <Td>{p.unitName}</Td>
                  <Td className="tabular-nums">
                    {p.startDate} – {p.plannedEndDate}
                  </Td>
                  <Td>{p.username ?? '—'}</Td>
                  <Td>
                    {countyUser && FULL_TIME_ROLES.includes(p.role) && !p.detachedConfirmed && (
                      <ConfirmDetachedButton posting={p} />
                    )}
                    {manage && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-sm text-red-700">{t('teams.endPosting')}</summary>
                        <div className="mt-2 w-72 sm:w-[36rem]">
                          <EndPostingForm posting={p} today={today} lastBeforeExit={lastBeforeExit && countyUser} />
                        </div>
                      </details>
                    )}
                  </Td>
                </Row>
              ))}
            </tbody>
          </Table>
        </Card>
        {former.length > 0 && (
          <Card title={t('teams.formerMembers')}>
            <Table minWidth="40rem">
              <HeadRow>
                <Th>{t('teams.name')}</Th>
                <Th>{t('teams.role')}</Th>
                <Th>{t('teams.period')}</Th>
                <Th>{t('teams.endReason')}</Th>
              </HeadRow>
              <tbody>
                {former.map((p) => (
                  <Row key={p.id}>
                    <Td>
                      <TextLink href={`/teams/people/${p.cadreId}`}>{p.name}</TextLink>
                    </Td>
                    <Td>{t(`teams.roles.${p.role}`)}</Td>
                    <Td className="tabular-nums">
                      {p.startDate} – {p.endedOn}
                    </Td>
                    <Td>{p.endReason ?? '—'}</Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
        {options && (
          <Card title={t('teams.addPosting')}>
            <AddPostingForm teamId={team.id} options={options} today={today} />
          </Card>
        )}
      </div>
    </>
  );
}
