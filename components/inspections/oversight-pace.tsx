import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import type { OversightPace } from '@/lib/inspections/data';
import type { PacePeriod, PaceState } from '@/lib/inspections/rules';

// Never colour alone: a sign and a word in every cell.
const STATE_STYLE: Record<PaceState, string> = {
  done: 'bg-green-50 text-green-800',
  missed: 'bg-red-50 font-semibold text-red-700',
  due: 'bg-amber-50 text-amber-900',
  later: 'text-slate-600',
};
const SIGN: Record<PaceState, string> = { done: '✓', missed: '●', due: '▲', later: '' };

/** Due and done per month or quarter: the calendar the county keeps its oversight to (seed 000). */
export async function OversightPaceCard({ pace }: { pace: OversightPace }) {
  const t = await getTranslations('inspections.pace');
  const cell = (period: PacePeriod, key: string) => (
    <Td key={key} className={`text-center text-xs ${STATE_STYLE[period.state]}`} data-state={period.state}>
      <span aria-hidden>{SIGN[period.state]} </span>
      {t(`states.${period.state}`, { done: period.done })}
      {period.planned > 0 && period.state !== 'done' && (
        <span className="block text-slate-600">{t('planned', { count: period.planned })}</span>
      )}
    </Td>
  );
  const row = (label: string, periods: PacePeriod[], testId: string) => (
    <Row key={testId} data-pace={testId}>
      <Th scope="row" className="sticky left-0 z-10 bg-white pl-1 text-left whitespace-nowrap">
        {label}
      </Th>
      {periods.map((p) => cell(p, `${testId}-${p.label}`))}
    </Row>
  );
  // One table of months, one of quarters: the periods as headings, a row per kind (or unit).
  const table = (minWidth: string, heads: string[], body: ReactNode) => (
    <Table minWidth={minWidth}>
      <HeadRow>
        <Th className="sticky left-0 z-10 bg-white pl-1">{t('kind')}</Th>
        {heads.map((head) => (
          <Th key={head} className="text-center">
            {head}
          </Th>
        ))}
      </HeadRow>
      <tbody>{body}</tbody>
    </Table>
  );
  const missed = [pace.unannounced, pace.concentrated, ...pace.returnVisits.map((r) => r.periods)]
    .flat()
    .filter((p) => p.state === 'missed').length;
  return (
    <section className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="pace">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-800">{t('title', { year: pace.year })}</h2>
        <p className={`text-sm ${missed > 0 ? 'text-red-700' : 'text-slate-600'}`}>
          {missed > 0 ? t('missedCount', { count: missed }) : t('noneMissed')}
        </p>
      </header>
      {table(
        '60rem',
        pace.unannounced.map((p) => t('month', { month: p.label })),
        row(t('unannounced', { count: pace.policy.unannouncedPerMonth }), pace.unannounced, 'unannounced'),
      )}
      {table(
        '36rem',
        pace.concentrated.map((p) => t('quarter', { quarter: p.label })),
        <>
          {row(t('concentrated', { count: pace.policy.concentratedPerQuarter }), pace.concentrated, 'concentrated')}
          {pace.returnVisits.map(({ unit, periods }) =>
            row(
              t('returnVisit', { unit: unit.name, count: pace.policy.returnVisitsPerQuarter }),
              periods,
              `unit-${unit.id}`,
            ),
          )}
        </>,
      )}
      <p className="text-xs text-slate-600">{t('source')}</p>
    </section>
  );
}
