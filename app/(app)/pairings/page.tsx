import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PendingVillages } from '@/components/dashboard/pending-villages';
import { StatusBadge } from '@/components/households/status-badge';
import { PageBody } from '@/components/layout/page-body';
import { LiaisonForm } from '@/components/pairings/pairing-forms';
import { Breadcrumb } from '@/components/regions/breadcrumb';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { pairingCoverage } from '@/lib/figures/data';
import { formatPercent, percent as share } from '@/lib/figures/rules';
import { uncoveredHouseholds, villagesWithoutLiaison } from '@/lib/pairings/data';
import { regionTrail } from '@/lib/regions/data';
import { listUnits } from '@/lib/teams/data';

const percent = (covered: number, must: number) => formatPercent(share(covered, must));

export default async function PairingsPage(props: { searchParams: Promise<{ area?: string }> }) {
  const viewer = await requirePermission('cadre.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <PairingsContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function PairingsContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ area?: string }> } & { viewer: Viewer }) {
  const { area } = await searchParams;
  const [coverage, t] = await Promise.all([pairingCoverage(viewer, area), getTranslations()]);
  const [uncovered, noLiaison, units] = await Promise.all([
    uncoveredHouseholds(viewer, coverage.area),
    villagesWithoutLiaison(viewer, coverage.area),
    can(viewer.role, 'cadre.manage') ? listUnits(viewer) : null,
  ]);
  const total = coverage.total;
  const gap = total.mustPair - total.covered;
  const href = (code?: string) => (code ? `/pairings?area=${code}` : '/pairings');
  const trail = await regionTrail(viewer, coverage.area);
  const areaName = trail.at(-1)?.name ?? viewer.scopeName;
  return (
    <>
      <Breadcrumb trail={trail} label={t('regions.breadcrumb')} href={href} />
      <PageHeader
        title={`${areaName} · ${t('pairings.coverageTitle')}`}
        description={coverage.pending > 0 ? <PendingVillages villages={coverage.pending} /> : undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/cadres" className={buttonClass('secondary')}>
              {t('pairings.cadresTitle')}
            </Link>
            {can(viewer.role, 'pairing.export') && (
              <a href={`/api/pairings/roster?area=${coverage.area}`} className={buttonClass('secondary')} download>
                {t('pairings.export')}
              </a>
            )}
          </div>
        }
      />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t('pairings.mustPair')} value={total.mustPair} />
          <Stat
            label={t('pairings.coverageRate')}
            value={
              <span className={gap > 0 ? 'text-red-700' : 'text-green-700'} data-testid="pairing-rate">
                {percent(total.covered, total.mustPair)}
              </span>
            }
            hint={`${t('pairings.uncovered')} ${gap}`}
          />
          <Stat
            label={t('pairings.villagesWithoutLiaison')}
            value={
              <span className={total.villagesWithoutLiaison ? 'text-red-700' : ''}>{total.villagesWithoutLiaison}</span>
            }
            hint={`${t('pairings.villages')} ${total.villages}`}
          />
          {coverage.cadres && (
            <Stat
              label={t('pairings.cadresTotal')}
              value={coverage.cadres.total}
              // 8741 is the number each cadre carries (seed 001), not only a ceiling: those under it are listed too.
              hint={
                <>
                  <TextLink href="/cadres?load=free">
                    {t('pairings.cadresBelow')} {coverage.cadres.below}
                  </TextLink>
                  {' · '}
                  <TextLink href="/cadres?load=full">
                    {t('pairings.cadresAtQuota')} {coverage.cadres.atQuota}
                  </TextLink>
                  {coverage.cadres.over > 0 && ` · ${t('pairings.cadresOver')} ${coverage.cadres.over}`}
                </>
              }
            />
          )}
        </div>
        <Card>
          <Table minWidth="36rem">
            <HeadRow>
              <Th>{t('pairings.area')}</Th>
              <NumTh>{t('pairings.mustPair')}</NumTh>
              <NumTh>{t('pairings.covered')}</NumTh>
              <NumTh>{t('pairings.uncovered')}</NumTh>
              <NumTh>{t('pairings.coverageRate')}</NumTh>
              <NumTh>{t('pairings.villagesWithoutLiaison')}</NumTh>
            </HeadRow>
            <tbody>
              {coverage.rows.map((row) => (
                <Row hover key={row.code} data-area={row.code}>
                  <Td>
                    <TextLink href={href(row.code)}>{row.name}</TextLink>
                  </Td>
                  <NumCell>{row.mustPair}</NumCell>
                  <NumCell>{row.covered}</NumCell>
                  <Td
                    className={`text-right tabular-nums ${row.mustPair > row.covered ? 'font-semibold text-red-700' : ''}`}
                  >
                    {row.mustPair - row.covered}
                  </Td>
                  <NumCell>{percent(row.covered, row.mustPair)}</NumCell>
                  <Td className={`text-right tabular-nums ${row.villagesWithoutLiaison ? 'text-red-700' : ''}`}>
                    {row.villagesWithoutLiaison}
                  </Td>
                </Row>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card
          title={`${t('pairings.uncoveredList')}（${gap}）`}
          actions={
            gap > 0 && can(viewer.role, 'pairing.manage') && coverage.area.length >= 6 ? (
              <Link href={`/pairings/propose?area=${coverage.area}`} className={buttonClass('primary')}>
                {t('pairings.propose')}
              </Link>
            ) : null
          }
        >
          {uncovered.length > 0 ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {uncovered.map((h) => (
                <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <TextLink href={`/households/${h.id}`} className="font-medium">
                    {h.headName}
                  </TextLink>
                  <span className="text-slate-600">
                    {h.village.parent?.name} {h.village.name}
                  </span>
                  <StatusBadge status={h.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-green-700">{t('pairings.noProposal')}</p>
          )}
        </Card>
        {noLiaison.length > 0 && (
          <Card title={`${t('pairings.noLiaisonList')}（${noLiaison.length}）`}>
            <ul className="divide-y divide-slate-100 text-sm">
              {noLiaison.map((v) => (
                <li key={v.code} className="flex flex-wrap items-end justify-between gap-3 py-2" data-village={v.code}>
                  <TextLink href={`/regions/${v.code}`}>
                    {v.parent?.name} {v.name}
                  </TextLink>
                  {units && units.length > 0 && (
                    <div className="w-full sm:w-96">
                      <LiaisonForm villageCode={v.code} units={units} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
