import { getTranslations } from 'next-intl/server';
import { AdjustScoreForm } from '@/components/inspections/inspection-forms';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { PrintButton } from '@/components/ui/print-button';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { YearPicker } from '@/components/ui/year-picker';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatPercent } from '@/lib/figures/rules';
import { type AssessmentRow, assessment, assessmentYears } from '@/lib/inspections/data';
import { INDICATORS, type Outcome, outcomeLines } from '@/lib/inspections/rules';
import { chinaYear } from '@/lib/time';

const BAND_STYLE: Record<string, string> = {
  GOOD: 'bg-green-50 text-green-800',
  FAIRLY_GOOD: 'bg-sky-50 text-sky-800',
  FAIR: 'bg-amber-50 text-amber-800',
  POOR: 'bg-red-50 text-red-800',
  NOT_ASSESSED: 'bg-slate-100 text-slate-700',
};
const NOT_ASSESSED = '—';

export default async function AssessmentPage(props: { searchParams: Promise<{ year?: string }> }) {
  const viewer = await requirePermission('assessment.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <AssessmentContent viewer={viewer} searchParams={props.searchParams} />
    </PageBody>
  );
}

async function AssessmentContent({
  viewer,
  searchParams,
}: {
  viewer: Viewer;
  searchParams: Promise<{ year?: string }>;
}) {
  const thisYear = chinaYear();
  const years = await assessmentYears(viewer);
  const asked = Number((await searchParams).year);
  // The year just ended is assessed in January from its year-end figures; any year kept may be picked.
  const year = years.includes(asked) ? asked : thisYear;
  const [result, t] = await Promise.all([assessment(viewer, year), getTranslations('inspections')]);
  const adjustable = can(viewer.role, 'assessment.adjust');
  if (result.county === null)
    return (
      <>
        <PageHeader title={t('assessment')} />
        <Card>
          <p className="text-sm">{t('noCounty')}</p>
        </Card>
      </>
    );
  const p = result.policy;
  const outcomeCell = (outcome: Outcome) => {
    const lines = outcomeLines(outcome);
    return lines.length === 0 ? (
      t('outcomes.none')
    ) : (
      <ul className="space-y-0.5 text-xs">
        {lines.map((l) => (
          <li
            key={l.key}
            className={l.key.startsWith('adjustment') || l.key === 'criticism' ? 'text-red-700' : 'text-green-800'}
          >
            {t(`outcomes.${l.key}` as 'outcomes.none', l.params)}
          </li>
        ))}
      </ul>
    );
  };
  const table = (rows: (AssessmentRow & { outcome?: Outcome })[], label: string, subject: string, testId: string) => (
    <Card title={label}>
      <div data-testid={testId}>
        <Table minWidth="60rem">
          <HeadRow>
            <NumTh>{t('rank')}</NumTh>
            <Th>{subject}</Th>
            {INDICATORS.map((i) => (
              <NumTh key={i}>{t(`indicators.${i}`)}</NumTh>
            ))}
            <NumTh>{t('computed')}</NumTh>
            <NumTh>{t('final')}</NumTh>
            <Th>{t('band')}</Th>
            {rows.some((r) => r.outcome) && <Th>{t('outcome')}</Th>}
          </HeadRow>
          <tbody>
            {rows.map((r) => (
              <Row top key={r.code} data-subject={r.code}>
                <NumCell>{r.rank}</NumCell>
                <Td>
                  <TextLink href={`/dashboard?area=${r.code}`} className="font-medium">
                    {r.code.length === 12 ? `${r.township} ${r.name}` : r.name}
                  </TextLink>
                  {r.adjusted && (
                    <p className="text-xs text-slate-500">{t('adjustedBy', { reason: r.adjusted.reason })}</p>
                  )}
                  {adjustable && (
                    <details className="no-print mt-1">
                      <summary className="cursor-pointer text-xs text-brand-700">{t('adjust')}</summary>
                      <AdjustScoreForm
                        year={result.year}
                        subjectCode={r.code}
                        name={r.name}
                        score={r.final ?? undefined}
                      />
                    </details>
                  )}
                </Td>
                {INDICATORS.map((i) => (
                  <NumCell key={i} title={r.computed.indicators[i] === null ? t('bands.NOT_ASSESSED') : undefined}>
                    {r.computed.indicators[i] === null
                      ? NOT_ASSESSED
                      : formatPercent((r.computed.indicators[i] ?? 0) * 100)}
                  </NumCell>
                ))}
                <NumCell>{r.computed.score?.toFixed(1) ?? NOT_ASSESSED}</NumCell>
                <Td className="text-right font-semibold tabular-nums" data-testid="final-score">
                  {r.final?.toFixed(1) ?? NOT_ASSESSED}
                </Td>
                <Td>
                  <span className={`rounded-full px-2 py-0.5 text-xs ${BAND_STYLE[r.band]}`}>
                    {t(`bands.${r.band}`)}
                  </span>
                </Td>
                {r.outcome && <Td>{outcomeCell(r.outcome)}</Td>}
              </Row>
            ))}
          </tbody>
        </Table>
      </div>
    </Card>
  );
  return (
    <>
      <PageHeader
        title={`${t('assessment')}（${result.year}）`}
        description={t('assessmentHint', {
          year: result.year,
          attendance: p.weightAttendance,
          visits: p.weightVisits,
          pairing: p.weightPairing,
          rectification: p.weightRectification,
          inspection: p.weightInspection,
          satisfaction: p.weightSatisfaction,
          good: p.scoreGood,
          fairlyGood: p.scoreFairlyGood,
          fair: p.scoreFair,
        })}
        actions={
          <div className="no-print flex flex-wrap items-end gap-2">
            <YearPicker action="/assessment" year={result.year} years={[...new Set([thisYear, ...years])]} />
            <a href={`/api/assessment/export?year=${result.year}`} className={buttonClass('secondary')} download>
              {t('export')}
            </a>
            <PrintButton label={t('printOutcomes')} />
          </div>
        }
      />
      <p className="mb-1 text-xs text-slate-600">{t('onlyCurrentYear')}</p>
      <p className="mb-3 text-xs text-slate-600">{t('notAssessedHint')}</p>
      <div className="space-y-4">
        {result.townships.length > 1 &&
          table(result.townships, t('townships'), t('subjectTownship'), 'township-ranking')}
        {result.townships.length > 1 && (
          <p className="text-xs text-slate-600">
            {t('outcomesHint', {
              share: p.excellentSharePercent,
              first: p.prizeFirstCount,
              second: p.prizeSecondCount,
              third: p.prizeThirdCount,
            })}
          </p>
        )}
        {table(result.teams, t('teams'), t('subjectTeam'), 'team-ranking')}
        {result.units.length > 0 && (
          <Card title={t('units')}>
            <p className="mb-3 text-xs text-slate-600">
              {t('unitsHint', { teams: p.weightUnitTeams, visits: p.weightUnitReturnVisits })}
            </p>
            <div data-testid="unit-ranking">
              <Table minWidth="48rem">
                <HeadRow>
                  <NumTh>{t('rank')}</NumTh>
                  <Th>{t('units')}</Th>
                  <NumTh>{t('unitTeams')}</NumTh>
                  <NumTh>{t('unitTeamScore')}</NumTh>
                  <NumTh>{t('unitReturnVisits')}</NumTh>
                  <NumTh>{t('final')}</NumTh>
                  <Th>{t('band')}</Th>
                  <Th>{t('outcome')}</Th>
                </HeadRow>
                <tbody>
                  {result.units.map((u) => (
                    <Row top key={u.unitId} data-unit={u.unitId}>
                      <NumCell>{u.rank}</NumCell>
                      <Td className="font-medium">{u.name}</Td>
                      <NumCell>{u.teams}</NumCell>
                      <NumCell>{u.result.teams?.toFixed(1) ?? NOT_ASSESSED}</NumCell>
                      <NumCell>
                        {u.returnVisits.done}/{u.returnVisits.due}
                      </NumCell>
                      <Td className="text-right font-semibold tabular-nums">
                        {u.result.score?.toFixed(1) ?? NOT_ASSESSED}
                      </Td>
                      <Td>
                        <span className={`rounded-full px-2 py-0.5 text-xs ${BAND_STYLE[u.result.band]}`}>
                          {t(`bands.${u.result.band}`)}
                        </span>
                      </Td>
                      <Td>{outcomeCell(u.outcome)}</Td>
                    </Row>
                  ))}
                </tbody>
              </Table>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
