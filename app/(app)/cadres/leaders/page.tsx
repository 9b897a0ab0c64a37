import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { LeaderVillageForm, RemoveLeaderVillageButton } from '@/components/pairings/leader-forms';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { HeadRow, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { leaderDuties } from '@/lib/pairings/data';
import { policyValuesFor } from '@/lib/policy/data';

export default async function LeadersPage() {
  const viewer = await requirePermission('cadre.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <LeadersContent viewer={viewer} />
    </PageBody>
  );
}

async function LeadersContent({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations();
  const duties = await leaderDuties(viewer);
  const manage = can(viewer.role, 'cadre.manage') && viewer.scopeCode.length <= 6;
  const policy = duties.county ? await policyValuesFor(duties.county, duties.year) : null;
  const short = duties.rows.filter((r) => r.short).length;
  return (
    <>
      <PageHeader
        title={`${t('pairings.leaders')}（${duties.year}）`}
        description={
          policy
            ? t('pairings.leadersHint', {
                pv: policy.principalVillagesMin,
                ph: policy.principalHouseholdsMin,
                lv: policy.leaderVillagesMin,
                lh: policy.leaderHouseholdsMin,
              })
            : undefined
        }
        actions={
          <TextLink href="/cadres" className="text-sm">
            ← {t('nav.cadres')}
          </TextLink>
        }
      />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t('pairings.leadersLink')} value={duties.rows.length} />
          <Stat
            label={t('pairings.leaderShortCount')}
            value={<span className={short ? 'text-red-700' : ''}>{short}</span>}
          />
        </div>
        <Card>
          {duties.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t('pairings.noLeaders')}</p>
          ) : (
            <Table minWidth="56rem">
              <HeadRow>
                <Th>{t('teams.name')}</Th>
                <Th>{t('pairings.leaderVillages')}</Th>
                <NumTh>{t('pairings.leaderHouseholds')}</NumTh>
                <NumTh>{t('pairings.leaderVisits')}</NumTh>
              </HeadRow>
              <tbody>
                {duties.rows.map((r) => (
                  <Row top key={r.id} data-leader={r.id}>
                    <Td>
                      <TextLink href={`/cadres/${r.id}`} className="font-medium">
                        {r.name}
                      </TextLink>
                      <div className="text-xs text-slate-600">
                        {t(`pairings.leaderRoles.${r.role}`)} · {r.unitName}
                      </div>
                      <div className={`text-xs ${r.short ? 'font-semibold text-red-700' : 'text-green-700'}`}>
                        {r.short ? t('pairings.leaderShort') : t('pairings.leaderMet')}
                      </div>
                    </Td>
                    <Td>
                      <div
                        className={`tabular-nums ${r.villages.length < r.minimum.villages ? 'font-semibold text-red-700' : ''}`}
                      >
                        {r.villages.length}/{r.minimum.villages}
                      </div>
                      <ul className="mt-1 space-y-1 text-sm">
                        {r.villages.map((v) => (
                          <li key={v.id} className="flex flex-wrap items-center gap-2">
                            {v.name}
                            {manage && <RemoveLeaderVillageButton id={v.id} name={v.name} />}
                          </li>
                        ))}
                      </ul>
                      {manage && (
                        <div className="mt-2 w-72 sm:w-96">
                          <LeaderVillageForm cadreId={r.id} name={r.name} villages={duties.villages} />
                        </div>
                      )}
                    </Td>
                    <Td
                      className={`text-right tabular-nums ${r.households < r.minimum.households ? 'font-semibold text-red-700' : ''}`}
                    >
                      {r.households}/{r.minimum.households}
                    </Td>
                    <Td className="text-right tabular-nums">{r.visits}</Td>
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
