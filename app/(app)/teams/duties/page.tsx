import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { Breadcrumb } from '@/components/regions/breadcrumb';
import { ActivityForm } from '@/components/teams/activity-form';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { YearPicker } from '@/components/ui/year-picker';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { policyValuesFor } from '@/lib/policy/data';
import { regionTrail } from '@/lib/regions/data';
import { activityFormOptions, dutyOverview } from '@/lib/teams/data';
import type { DutyProgress } from '@/lib/teams/rules';
import { chinaToday } from '@/lib/time';

type Query = { area?: string; year?: string; all?: string };

export default async function DutiesPage(props: { searchParams: Promise<Query> }) {
  const viewer = await requirePermission('team.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <DutiesContent {...props} viewer={viewer} />
    </PageBody>
  );
}

const STATUS_CLASS: Record<DutyProgress['status'], string> = {
  MET: 'text-green-700',
  ON_PACE: 'text-slate-700',
  BEHIND: 'text-amber-700',
  MISSED: 'font-semibold text-red-700',
};

async function DutiesContent({ viewer, searchParams }: { searchParams: Promise<Query>; viewer: Viewer }) {
  const query = await searchParams;
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const year = /^\d{4}$/.test(query.year ?? '') && Number(query.year) <= thisYear ? Number(query.year) : thisYear;
  const t = await getTranslations();
  const [duties, options] = await Promise.all([
    dutyOverview(viewer, { area: query.area, year }),
    can(viewer.role, 'activity.record') ? activityFormOptions(viewer) : null,
  ]);
  const [policy, trail] = await Promise.all([
    policyValuesFor(duties.area.slice(0, 6), year),
    regionTrail(viewer, duties.area),
  ]);
  const href = (area: string) => `/teams/duties?area=${area}&year=${year}`;
  // Like the compliance table: who is short, unless everyone is asked for.
  const everyone = query.all === '1';
  const toggle = (
    <TextLink
      href={`/teams/duties?${new URLSearchParams({ ...(query.area ? { area: query.area } : {}), year: String(year), ...(everyone ? {} : { all: '1' }) })}`}
      className="text-sm"
    >
      {everyone ? t('teams.onlyShortDuties') : t('teams.everyoneDuties')}
    </TextLink>
  );
  const behind = (r: (typeof duties.technicians)[number]) =>
    [r.sessions, r.farmDays].some((p) => p.status === 'BEHIND' || p.status === 'MISSED');
  const technicians = everyone ? duties.technicians : duties.technicians.filter(behind);
  const progress = (p: DutyProgress) => (
    <span className={STATUS_CLASS[p.status]}>
      {p.done}/{p.required} · {t(`teams.dutyStatuses.${p.status}`)}
    </span>
  );
  const { training, workDays } = duties;
  const trainingRows = everyone ? training.rows : training.rows.filter((r) => !r.trained);
  return (
    <>
      <Breadcrumb trail={trail} label={t('regions.breadcrumb')} href={href} />
      <PageHeader
        title={`${trail.at(-1)?.name ?? viewer.scopeName} · ${t('teams.duties')}`}
        actions={
          <YearPicker
            action="/teams/duties"
            year={year}
            years={Array.from({ length: 5 }, (_, i) => thisYear - i)}
            keep={{ area: query.area }}
          />
        }
      />
      <div className="space-y-4">
        {options && (
          <Card title={t('teams.recordActivity')}>
            <ActivityForm options={options} today={today} />
          </Card>
        )}
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t('teams.technicians')} value={duties.technicians.length} />
          <Stat
            label={t('teams.dutyStatuses.BEHIND')}
            value={
              duties.technicians.filter((r) =>
                [r.sessions, r.farmDays].some((p) => p.status === 'BEHIND' || p.status === 'MISSED'),
              ).length
            }
          />
          <Stat
            label={t('teams.trained')}
            value={
              <span className={training.trained < training.rows.length ? 'text-red-700' : ''}>
                {training.trained}/{training.rows.length}
              </span>
            }
          />
          <Stat label={t('teams.workDayVisits')} value={workDays.units.reduce((sum, u) => sum + u.days, 0)} />
        </div>
        <Card
          title={`${t('teams.technicians')}（${technicians.length}/${duties.technicians.length}）`}
          actions={toggle}
        >
          <p className="mb-3 text-sm text-slate-600">
            {t('teams.techniciansHint', {
              sessions: policy.technicianSessionsPerYear,
              days: policy.technicianFarmDaysPerYear,
            })}
          </p>
          {technicians.length === 0 ? (
            <p className="text-sm text-slate-600">{t('teams.noTechnicians')}</p>
          ) : (
            <Table minWidth="36rem">
              <HeadRow>
                <Th>{t('teams.name')}</Th>
                <Th>{t('teams.village')}</Th>
                <Th>{t('teams.sessions')}</Th>
                <Th>{t('teams.farmDays')}</Th>
              </HeadRow>
              <tbody>
                {technicians.map((r) => (
                  <Row key={r.postingId} data-posting={r.postingId}>
                    <Td>
                      <TextLink href={`/teams/people/${r.cadreId}?year=${year}`}>{r.name}</TextLink>
                    </Td>
                    <Td>{r.villageName}</Td>
                    <Td className="tabular-nums">{progress(r.sessions)}</Td>
                    <Td className="tabular-nums">{progress(r.farmDays)}</Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={`${t('teams.training')}（${trainingRows.length}/${training.rows.length}）`} actions={toggle}>
          <p className="mb-3 text-sm text-slate-600">{t('teams.trainingHint', { days: training.requiredDays })}</p>
          {trainingRows.length === 0 ? (
            <p className="text-sm text-slate-600">{t('teams.noLeaders')}</p>
          ) : (
            <Table minWidth="36rem">
              <HeadRow>
                <Th>{t('teams.name')}</Th>
                <Th>{t('teams.role')}</Th>
                <Th>{t('teams.village')}</Th>
                <NumTh>{t('teams.inductionDays')}</NumTh>
                <NumTh>{t('teams.cityTrainings')}</NumTh>
              </HeadRow>
              <tbody>
                {trainingRows.map((r) => (
                  <Row key={r.postingId} data-posting={r.postingId}>
                    <Td>
                      <TextLink href={`/teams/people/${r.cadreId}?year=${year}`}>{r.name}</TextLink>
                      <div className={`text-xs ${r.trained ? 'text-green-700' : 'text-red-700'}`}>
                        {r.trained ? t('teams.trained') : t('teams.notTrained')}
                      </div>
                    </Td>
                    <Td>
                      {t(`teams.roles.${r.role}`)}
                      {r.alsoFirstSecretary && `、${t('teams.alsoFirstSecretary')}`}
                    </Td>
                    <Td>{r.villageName}</Td>
                    <NumCell>{r.inductionDays}</NumCell>
                    <NumCell>{r.cityTrainings}</NumCell>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={t('teams.workDays')}>
          <p className="mb-3 text-sm text-slate-600">
            {t('teams.workDaysHint', { year, tuesdays: workDays.tuesdays })}
          </p>
          {workDays.units.length === 0 ? (
            <p className="text-sm text-slate-600">{t('teams.noWorkDays')}</p>
          ) : (
            <Table minWidth="30rem">
              <HeadRow>
                <Th>{t('teams.unit')}</Th>
                <NumTh>{t('teams.workDayPeople')}</NumTh>
                <NumTh>{t('teams.workDayVisits')}</NumTh>
                <NumTh>{t('teams.perPerson')}</NumTh>
              </HeadRow>
              <tbody>
                {workDays.units.map((u) => (
                  <Row key={u.unitId} data-unit={u.unitId}>
                    <Td>{u.unitName}</Td>
                    <NumCell>{u.people}</NumCell>
                    <NumCell>{u.days}</NumCell>
                    <NumCell>{(u.days / u.people).toFixed(1)}</NumCell>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
