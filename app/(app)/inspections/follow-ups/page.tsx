import { getTranslations } from 'next-intl/server';
import { FollowUpForm } from '@/components/inspections/inspection-forms';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { followUpOptions, listFollowUps, listInspections } from '@/lib/inspections/data';
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
}: { searchParams: Promise<{ area?: string; year?: string }> } & { viewer: Viewer }) {
  const query = await searchParams;
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const year = /^\d{4}$/.test(query.year ?? '') && Number(query.year) <= thisYear ? Number(query.year) : thisYear;
  const recording = can(viewer.role, 'followup.manage'); // the form only for those who record talks and recalls
  const [rows, members, inspections, t] = await Promise.all([
    listFollowUps(viewer, { area: query.area, year }),
    recording ? followUpOptions(viewer) : null,
    recording ? listInspections(viewer, { year: thisYear }) : null,
    getTranslations('inspections'),
  ]);
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
        <Card>
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
                    <Td className="tabular-nums">{r.heldOn}</Td>
                    <Td>
                      <span className={r.kind === 'RECALL' ? 'font-semibold text-red-700' : ''}>
                        {t(`followUpKinds.${r.kind}`)}
                      </span>
                    </Td>
                    <Td>
                      <TextLink href={`/teams/people/${r.cadreId}?year=${year}`} className="font-medium">
                        {r.name}
                      </TextLink>
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
        </Card>
      </div>
    </>
  );
}
