import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { YearProgress } from '@/components/attendance/year-progress';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { personYear } from '@/lib/attendance/data';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/http';
import { oversightOfPerson } from '@/lib/inspections/data';
import { chinaYear } from '@/lib/time';

export default async function PersonYearPage({
  params,
  searchParams,
}: {
  params: Promise<{ cadreId: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  const viewer = await requirePermission('team.view');
  const { cadreId } = await params;
  const thisYear = chinaYear();
  const { year: y } = await searchParams;
  const year = y && /^\d{4}$/.test(y) && Number(y) <= thisYear ? Number(y) : thisYear;
  const person = await personYear(viewer, parseId(cadreId) ?? notFound(), year);
  return (
    <PageBody>
      <PersonYearContent viewer={viewer} person={person} year={year} thisYear={thisYear} cadreId={cadreId} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function PersonYearContent({
  viewer,
  person,
  year,
  thisYear,
  cadreId,
}: {
  viewer: Viewer;
  person: Awaited<ReturnType<typeof personYear>>;
  year: number;
  thisYear: number;
  cadreId: string;
}) {
  const [t, oversight] = await Promise.all([
    getTranslations(),
    // The oversight record only with inspection.view (a team leader sees the year without it).
    can(viewer.role, 'inspection.view') ? oversightOfPerson(viewer, parseId(cadreId) ?? notFound()) : null,
  ]);
  return (
    <>
      <PageHeader
        title={`${person.name} · ${t('teams.yearSummary')} ${year}`}
        actions={
          <div className="flex gap-2">
            <Link href={`/teams/people/${cadreId}?year=${year - 1}`} className={buttonClass('secondary')}>
              {year - 1}
            </Link>
            {year < thisYear && (
              <Link href={`/teams/people/${cadreId}?year=${year + 1}`} className={buttonClass('secondary')}>
                {year + 1}
              </Link>
            )}
          </div>
        }
      />
      <div className="space-y-4">
        {person.postings.map((p) => (
          <Card
            key={p.postingId}
            title={
              <TextLink href={`/teams/${p.teamId}`}>
                {p.villageName} · {t(`teams.roles.${p.role}`)} · {p.start} – {p.end}
              </TextLink>
            }
          >
            <div className="grid gap-6 lg:grid-cols-2">
              <YearProgress summary={p.summary} marked={p.marked} />
              <Table minWidth="22rem">
                <HeadRow>
                  <Th>{t('attendance.month')}</Th>
                  <NumTh>{t('attendance.days')}</NumTh>
                  <NumTh>{t('attendance.nights')}</NumTh>
                  <NumTh>{t('attendance.away')}</NumTh>
                  <NumTh>{t('attendance.marked')}</NumTh>
                </HeadRow>
                <tbody>
                  {p.months
                    .filter((m) => `${m.month}-01` <= person.today)
                    .map((m) => (
                      <Row key={m.month}>
                        <Td>
                          <TextLink href={`/teams/${p.teamId}/attendance?month=${m.month}`} className="tabular-nums">
                            {m.month}
                          </TextLink>
                          {m.leader && m.leader.status === 'MISSED' && (
                            <span className="ml-1 text-xs text-red-700">
                              {t('attendance.leaderMonth', { done: m.leader.done, required: m.leader.required })}
                            </span>
                          )}
                        </Td>
                        <NumCell>{m.days}</NumCell>
                        <NumCell>{m.nights}</NumCell>
                        <NumCell>{m.away}</NumCell>
                        <Td className={`text-right tabular-nums ${m.marked ? 'text-amber-700' : ''}`}>{m.marked}</Td>
                      </Row>
                    ))}
                </tbody>
              </Table>
            </div>
          </Card>
        ))}
        {oversight && (oversight.discrepancies.length > 0 || oversight.followUps.length > 0) && (
          <Card title={t('inspections.personRecord')}>
            <ul className="space-y-2 text-sm" data-testid="person-oversight">
              {oversight.discrepancies.map((d) => (
                <li key={`d${d.id}`} className="text-red-800">
                  <span className="tabular-nums">{d.day}</span>{' '}
                  <Link href={`/inspections/${d.inspectionId}`} className="font-semibold hover:underline">
                    {t('inspections.discrepancyTitle')}
                  </Link>
                  {d.note ? `：${d.note}` : ''}
                </li>
              ))}
              {oversight.followUps.map((f) => (
                <li key={`f${f.id}`}>
                  <span className="tabular-nums">{f.heldOn}</span>{' '}
                  <span className="font-semibold">{t(`inspections.followUpKinds.${f.kind}`)}</span>：{f.reason}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
