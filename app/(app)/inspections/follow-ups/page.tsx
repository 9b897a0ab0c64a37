import { getTranslations } from 'next-intl/server';
import { FollowUpForm } from '@/components/inspections/inspection-forms';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parsePage } from '@/lib/http';
import { followUpOptions, INSPECTION_PAGE_SIZE, listFollowUps, listInspections } from '@/lib/inspections/data';
import { replacementRequests } from '@/lib/teams/data';
import { chinaToday } from '@/lib/time';

export default async function FollowUpsPage(props: { searchParams: Promise<{ area?: string; year?: string }> }) {
  const viewer = await requirePermission('inspection.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <FollowUpsContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function FollowUpsContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ area?: string; year?: string; page?: string }> } & { viewer: Viewer }) {
  const query = await searchParams;
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const year = /^\d{4}$/.test(query.year ?? '') && Number(query.year) <= thisYear ? Number(query.year) : thisYear;
  const recording = can(viewer.role, 'followup.manage'); // the form only for those who record talks and recalls
  const [all, replacements, members, inspections, t] = await Promise.all([
    listFollowUps(viewer, { area: query.area, year }),
    can(viewer.role, 'team.view') ? replacementRequests(viewer, { area: query.area }) : [],
    recording ? followUpOptions(viewer) : null,
    recording ? listInspections(viewer, { year: thisYear }) : null,
    getTranslations('inspections'),
  ]);
  const tAll = await getTranslations();
  const page = parsePage(query.page);
  const rows = all.slice((page - 1) * INSPECTION_PAGE_SIZE, page * INSPECTION_PAGE_SIZE);
  return (
    <>
      <PageHeader
        title={`${t('followUps')}（${year}）`}
        actions={
          <TextLink href="/inspections" className="text-sm">
            ← {t('title')}
          </TextLink>
        }
      />
      <div className="space-y-4">
        {members && (
          <Card title={t('newFollowUp')}>
            <FollowUpForm
              members={members}
              today={today}
              inspections={(inspections?.rows ?? [])
                .filter((i) => i.status === 'DONE')
                .map((i) => ({ id: i.id, label: `${i.plannedOn} ${t(`kinds.${i.kind}`)} · ${i.villages.join('、')}` }))}
            />
          </Card>
        )}
        <Card title={t('replacements')}>
          {replacements.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noReplacements')}</p>
          ) : (
            <Table minWidth="40rem">
              <HeadRow>
                <Th>{t('openedOn')}</Th>
                <Th>{t('recalledMember')}</Th>
                <Th>{t('village')}</Th>
                <Th>{t('replacementUnit')}</Th>
                <Th>{t('replacementStatus')}</Th>
              </HeadRow>
              <tbody>
                {replacements.map((r) => (
                  <Row key={r.id} data-replacement={r.id}>
                    <Td className="tabular-nums">{r.openedOn}</Td>
                    <Td>
                      <TextLink href={`/teams/people/${r.recalledCadreId}`}>{r.recalledName}</TextLink>
                      <div className="text-xs text-slate-600">{tAll(`teams.roles.${r.role}`)}</div>
                    </Td>
                    <Td>
                      <TextLink href={`/teams/${r.teamId}`}>
                        {r.townshipName} {r.villageName}
                      </TextLink>
                    </Td>
                    <Td>{r.unitName}</Td>
                    <Td className={r.filledOn ? 'text-green-700' : 'font-semibold text-red-700'}>
                      {r.filledOn
                        ? t('replacementFilled', { date: r.filledOn })
                        : t('replacementOpen', { days: r.daysOpen })}
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={`${t('followUps')}（${all.length}）`}>
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noFollowUps')}</p>
          ) : (
            <Table minWidth="40rem">
              <HeadRow>
                <Th>{t('heldOn')}</Th>
                <Th>{t('followUpKind')}</Th>
                <Th>{t('member')}</Th>
                <Th>{t('village')}</Th>
                <Th>{t('reason')}</Th>
              </HeadRow>
              <tbody>
                {rows.map((r) => (
                  <Row key={r.id} data-follow-up={r.id}>
                    <Td className="whitespace-nowrap tabular-nums">{r.heldOn}</Td>
                    <Td className="whitespace-nowrap">
                      <span className={r.kind === 'RECALL' ? 'font-semibold text-red-700' : ''}>
                        {t(`followUpKinds.${r.kind}`)}
                      </span>
                    </Td>
                    <Td>
                      <TextLink href={`/teams/people/${r.cadreId}?year=${year}`} className="font-medium">
                        {r.name}
                      </TextLink>
                      {r.headName && (
                        <div className="text-xs text-slate-600">
                          {t('withUnitHead', { unit: r.unitName ?? '', head: r.headName })}
                        </div>
                      )}
                      {r.replacementFilledOn !== null && (
                        <div className={`text-xs ${r.replacementFilledOn ? 'text-green-700' : 'text-red-700'}`}>
                          {r.replacementFilledOn
                            ? t('replacementFilled', { date: r.replacementFilledOn })
                            : t('openReplacements')}
                        </div>
                      )}
                    </Td>
                    <Td>
                      {r.township} {r.village}
                    </Td>
                    <Td>
                      {r.reason}
                      {r.inspectionId && (
                        <>
                          {' '}
                          · <TextLink href={`/inspections/${r.inspectionId}`}>{t('inspection')}</TextLink>
                        </>
                      )}
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination
            page={page}
            pageSize={INSPECTION_PAGE_SIZE}
            total={all.length}
            basePath="/inspections/follow-ups"
            params={{ area: query.area, year: year === thisYear ? undefined : String(year) }}
          />
        </Card>
      </div>
    </>
  );
}
