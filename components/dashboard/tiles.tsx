import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Dashboard } from '@/lib/dashboard/data';
import { type MarkLevel, markLevel, type RedMark } from '@/lib/dashboard/rules';
import { formatPercent } from '@/lib/figures/rules';

function Tile({
  label,
  value,
  hint,
  href,
  level,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  href?: string;
  level?: MarkLevel | null;
  testId: string;
}) {
  const red = level === 'missed';
  const body = (
    <>
      <div className="text-sm text-slate-500">{label}</div>
      <div
        className={`mt-1 text-2xl font-semibold tabular-nums ${red ? 'text-red-700' : level ? 'text-amber-800' : 'text-slate-900'}`}
        data-testid={`tile-${testId}`}
        data-mark={level ?? undefined}
      >
        {level && (
          <span aria-hidden className="mr-1 text-base">
            {red ? '●' : '▲'}
          </span>
        )}
        {value}
      </div>
      {hint && <div className="mt-1 text-xs text-slate-500">{hint}</div>}
    </>
  );
  const frame = `block rounded-lg border bg-white p-3 shadow-sm break-inside-avoid ${red ? 'border-red-300 bg-red-50/40' : level ? 'border-amber-300 bg-amber-50/40' : 'border-slate-200'}`;
  return href ? (
    <Link href={href} className={`${frame} hover:border-brand-600`}>
      {body}
    </Link>
  ) : (
    <div className={frame}>{body}</div>
  );
}

// Parallel figures in one tile; a slash means only "of" (done/required, yuan per person).
const SEP = ' · ';

/** The figures at a glance, each red where its rule is missed and leading to the list behind it. */
export async function DashboardTiles({ data }: { data: Dashboard }) {
  const t = await getTranslations('dashboard');
  const { figures: f, rates: r, marks, code } = data.total;
  const level = (mark: RedMark) => markLevel(mark, marks);
  // A tile of two rules shows the worse of them.
  const worse = (a: MarkLevel | null, b: MarkLevel | null) => (a === 'missed' || b === 'missed' ? 'missed' : (a ?? b));
  const n = (value: number) => value.toLocaleString('zh-CN');
  const s = data.sections;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      {s.households && (
        <>
          <Tile
            testId="poor"
            label={t('tiles.poor')}
            value={`${n(f.poorHouseholds)}${SEP}${n(f.poorPeople)}`}
            hint={t('tiles.poorHint', { households: n(f.households), people: n(f.people) })}
            href={`/households?area=${code}&set=poor`}
          />
          <Tile
            testId="incidence"
            label={t('columns.incidence')}
            value={`${r.incidence.toFixed(2)}%`}
            hint={t('tiles.incidenceHint')}
          />
          <Tile
            testId="lifted"
            label={t('tiles.lifted')}
            value={n(f.liftedThisYearPeople)}
            hint={t('tiles.liftedHint', { households: n(f.liftedThisYearHouseholds) })}
            href={`/households?area=${code}&set=liftedThisYear`}
          />
          <Tile
            testId="return-rate"
            label={t('columns.returnRate')}
            value={formatPercent(r.returnRate)}
            level={level('returnRate')}
            hint={t('tiles.returnHint', {
              returned: n(f.returnedThisYearHouseholds),
              base: n(f.returnBaseHouseholds),
              max: data.lines.returnRateMaxPercent,
            })}
            href={`/households?area=${code}&set=returnedThisYear`}
          />
        </>
      )}
      {s.teams && (
        <>
          <Tile
            testId="teams"
            label={t('tiles.teams')}
            value={`${n(f.teams)}${SEP}${n(f.members)}`}
            hint={t('tiles.teamsHint', { villages: n(f.poorVillage) })}
            href={`/teams/compliance?area=${code}&status=all`}
          />
          <Tile
            testId="attendance"
            label={t('tiles.attendance')}
            value={`${n(f.membersOnTrack)}${SEP}${n(f.membersAtRisk)}${SEP}${n(f.membersShort)}`}
            level={worse(level('attendanceShort'), level('attendanceAtRisk'))}
            hint={t('tiles.attendanceHint', { marked: n(f.markedCheckins) })}
            href={`/teams/compliance?area=${code}`}
          />
        </>
      )}
      {s.pairings && (
        <Tile
          testId="pairing"
          label={t('columns.pairingRate')}
          value={formatPercent(r.pairingRate)}
          level={worse(level('pairingGap'), level('liaisonGap'))}
          hint={t('tiles.pairingHint', { unpaired: n(f.mustPair - f.paired), liaison: n(f.villagesWithoutLiaison) })}
          href={`/households?area=${code}&set=unpaired`}
        />
      )}
      {s.visits && (
        <Tile
          testId="visits"
          label={t('tiles.visits')}
          value={`${formatPercent(r.cadreVisitRate)}${SEP}${formatPercent(r.teamVisitRate)}`}
          level={worse(level('cadreVisitGap'), level('teamVisitGap'))}
          hint={t('tiles.visitsHint')}
          href={`/visits?area=${code}`}
        />
      )}
      {s.problems && (
        <>
          <Tile
            testId="problems"
            label={t('tiles.problems')}
            value={`${n(f.problemsFound)}${SEP}${n(f.problemsStruckOff)}`}
            hint={t('tiles.problemsHint', { open: n(f.problemsOpen) })}
            href={`/problems?area=${code}`}
          />
          <Tile
            testId="overdue"
            label={t('columns.problemsOverdue')}
            value={n(f.problemsOverdue)}
            level={level('overdue')}
            href={`/problems?area=${code}&overdue=1`}
          />
          <Tile
            testId="rectification"
            label={t('columns.rectificationRate')}
            value={formatPercent(r.rectificationRate)}
          />
        </>
      )}
      {s.monitoring && (
        <>
          <Tile
            testId="monitored"
            label={t('tiles.monitored')}
            value={n(f.monitoredUnstable + f.monitoredMarginal + f.monitoredSudden)}
            hint={t('tiles.monitoredHint', {
              unstable: n(f.monitoredUnstable),
              marginal: n(f.monitoredMarginal),
              sudden: n(f.monitoredSudden),
            })}
            href={`/monitoring?area=${code}`}
          />
          <Tile
            testId="warnings"
            label={t('tiles.warnings')}
            value={`${n(f.warningsOpen)}${SEP}${n(f.warningsOverdue)}`}
            level={level('warningOverdue')}
            hint={t('tiles.warningsHint', { closed: n(f.risksClosed) })}
            href={`/monitoring?area=${code}&warnings=overdue`}
          />
          <Tile
            testId="plans"
            label={t('columns.planRate')}
            value={formatPercent(r.planRate)}
            hint={t('tiles.plansHint', { planned: n(f.plannedPoorHouseholds), poor: n(f.poorHouseholds) })}
          />
        </>
      )}
    </div>
  );
}
