import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DayEntryForm, SignOffForm } from '@/components/attendance/grid-forms';
import { PhoneMonth } from '@/components/attendance/phone-month';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { ScrollArea } from '@/components/ui/scroll-area';
import { TextLink } from '@/components/ui/text-link';
import { teamMonth } from '@/lib/attendance/data';
import { MONTH_PATTERN } from '@/lib/attendance/schema';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/http';
import { chinaMoment, chinaToday } from '@/lib/time';

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + m - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export default async function TeamMonthPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ month?: string; posting?: string; day?: string }>;
}) {
  const viewer = await requirePermission('team.view');
  const { id } = await params;
  const query = await searchParams;
  const today = chinaToday();
  const month = query.month && MONTH_PATTERN.test(query.month) ? query.month : today.slice(0, 7);
  const grid = await teamMonth(viewer, parseId(id) ?? notFound(), month);
  return (
    <ClientMessages namespaces={['attendance']}>
      <PageBody>
        <TeamMonthContent viewer={viewer} grid={grid} query={query} today={today} month={month} />
      </PageBody>
    </ClientMessages>
  ); // the checks above set the status (403, 404) before the response starts
}

async function TeamMonthContent({
  viewer,
  grid,
  query,
  today,
  month,
}: {
  viewer: Viewer;
  grid: Awaited<ReturnType<typeof teamMonth>>;
  query: { month?: string; posting?: string; day?: string };
  today: string;
  month: string;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const countyUser = viewer.role === 'COUNTY_ADMIN' && viewer.scopeCode.length <= 6;
  const mayEdit = can(viewer.role, 'attendance.edit') && (!grid.signoff || countyUser) && grid.first <= today;
  // Kept mounted once signed off (the form then shows only its answer), so the confirmation survives the refresh.
  const signOffOffered = can(viewer.role, 'attendance.signoff') && month < today.slice(0, 7);
  const presetDay = query.day?.startsWith(month) ? query.day : today.startsWith(month) ? today : grid.first;
  const link = (m: string) => `/teams/${grid.team.id}/attendance?month=${m}`;
  type Cell = (typeof grid.rows)[number]['cells'][string];
  const cellTitle = (date: string, cell: Cell) =>
    `${date} ${t(`attendance.kinds.${cell.kind}`)}${cell.reason ? `：${cell.reason}` : ''}${cell.marked ? ` · ${t('attendance.marked')}` : ''}${cell.lateSync ? ` · ${t('attendance.lateSync')}` : ''}${cell.disputed ? ` · ${t('inspections.discrepancyTitle')}` : ''}`;
  const away = (cell: Cell) => cell.kind !== 'IN_VILLAGE' && cell.kind !== 'OVERNIGHT';
  return (
    <>
      <PageHeader
        title={t('attendance.sheetTitle', {
          village: grid.team.villageName,
          month: format.dateTime(new Date(`${month}-01T00:00:00Z`), {
            year: 'numeric',
            month: 'long',
            timeZone: 'UTC',
          }),
        })}
        description={
          <TextLink href={`/teams/${grid.team.id}`}>
            {grid.team.townshipName} · {grid.team.villageName}
          </TextLink>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={link(shiftMonth(month, -1))} className={buttonClass('secondary')}>
              {t('attendance.prevMonth')}
            </Link>
            {month < today.slice(0, 7) && (
              <Link href={link(shiftMonth(month, 1))} className={buttonClass('secondary')}>
                {t('attendance.nextMonth')}
              </Link>
            )}
            {can(viewer.role, 'attendance.export') && (
              <a
                href={`/api/attendance/sheet?team=${grid.team.id}&month=${month}`}
                className={buttonClass('secondary')}
                download
              >
                {t('attendance.export')}
              </a>
            )}
          </div>
        }
      />
      <div className="space-y-4">
        <Card>
          <p className="mb-2 text-sm" data-signoff={grid.signoff ? 'signed' : 'open'}>
            {grid.signoff
              ? t('attendance.signedOffBy', {
                  name: grid.signoff.by,
                  at: chinaMoment(grid.signoff.at),
                })
              : t('attendance.notSignedOff')}
            {grid.signoff && !countyUser && ` · ${t('attendance.lockedHint')}`}
          </p>
          <div className="sm:hidden">
            <PhoneMonth
              dates={grid.dates}
              today={today}
              mayEdit={mayEdit}
              preset={{ postingId: parseId(query.posting) ?? undefined, day: presetDay }}
              people={grid.rows.map((row) => ({
                postingId: row.postingId,
                name: row.name,
                role: t(`teams.roles.${row.role}`),
                summary: [
                  `${t('attendance.days')} ${row.days}`,
                  `${t('attendance.nights')} ${row.nights}`,
                  `${t('attendance.marked')} ${row.marked}`,
                  ...(row.leader && row.leader.status !== 'NOT_POSTED'
                    ? [t('attendance.leaderMonth', { done: row.leader.done, required: row.leader.required })]
                    : []),
                ].join('，'),
                start: row.start,
                end: row.end,
                cells: Object.fromEntries(
                  Object.entries(row.cells).map(([date, cell]) => [
                    date,
                    {
                      short: t(`attendance.short.${cell.kind}`),
                      title: cellTitle(date, cell),
                      marked: cell.marked,
                      disputed: Boolean(cell.disputed),
                      away: away(cell),
                    },
                  ]),
                ),
              }))}
            />
          </div>
          {/* The whole team at once from a tablet up; a phone shows one person at a time (above). */}
          <ScrollArea>
            <table className="hidden border-collapse text-xs sm:table" aria-label={t('teams.monthGrid')}>
              <thead>
                <tr className="text-slate-500">
                  <th className="sticky left-0 z-10 bg-white px-2 py-1 text-left font-medium">{t('teams.name')}</th>
                  {grid.dates.map((date) => (
                    <th
                      key={date}
                      className={`w-7 px-0.5 py-1 text-center font-normal tabular-nums ${date === today ? 'text-brand-700' : ''}`}
                    >
                      {Number(date.slice(8))}
                    </th>
                  ))}
                  <th className="px-1.5 py-1 font-medium">{t('attendance.days')}</th>
                  <th className="px-1.5 py-1 font-medium">{t('attendance.nights')}</th>
                  <th className="px-1.5 py-1 font-medium">{t('attendance.marked')}</th>
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={row.postingId} className="border-t border-slate-100" data-posting={row.postingId}>
                    <th className="sticky left-0 z-10 bg-white px-2 py-1 text-left font-medium whitespace-nowrap">
                      <TextLink href={`/teams/people/${row.cadreId}`}>{row.name}</TextLink>
                      <div className="font-normal text-slate-500">{t(`teams.roles.${row.role}`)}</div>
                      {row.leader && row.leader.status !== 'NOT_POSTED' && (
                        <div
                          className={`font-normal ${row.leader.status === 'MISSED' ? 'text-red-700' : 'text-slate-500'}`}
                        >
                          {t('attendance.leaderMonth', { done: row.leader.done, required: row.leader.required })}
                        </div>
                      )}
                    </th>
                    {grid.dates.map((date) => {
                      const cell = row.cells[date];
                      const posted = date >= row.start && date <= row.end && date <= today;
                      const title = cell ? cellTitle(date, cell) : date;
                      const content = cell ? t(`attendance.short.${cell.kind}`) : '';
                      return (
                        <td
                          key={date}
                          data-day={date}
                          data-kind={cell?.kind ?? ''}
                          data-disputed={cell?.disputed ? 'true' : undefined}
                          title={title}
                          className={`h-7 w-7 p-0 text-center ${!posted ? 'bg-slate-100' : ''} ${cell?.marked ? 'outline outline-2 -outline-offset-2 outline-red-500' : ''} ${cell?.disputed ? 'bg-red-100 font-bold text-red-800' : ''} ${cell && away(cell) ? 'text-amber-700' : ''}`}
                        >
                          {mayEdit && posted ? (
                            <Link
                              href={`${link(month)}&posting=${row.postingId}&day=${date}#entry`}
                              className="block h-full w-full leading-7 hover:bg-brand-50"
                              aria-label={`${row.name} ${title}`}
                            >
                              {content}
                            </Link>
                          ) : (
                            content
                          )}
                        </td>
                      );
                    })}
                    <td className="px-1.5 text-center tabular-nums">{row.days}</td>
                    <td className="px-1.5 text-center tabular-nums">{row.nights}</td>
                    <td className={`px-1.5 text-center tabular-nums ${row.marked ? 'font-semibold text-red-700' : ''}`}>
                      {row.marked}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <p className="mt-2 text-xs text-slate-500">{t('attendance.legend')}</p>
        </Card>
        {mayEdit && grid.rows.length > 0 && (
          <Card title={t('attendance.entryTitle')}>
            <DayEntryForm
              people={grid.rows.map((r) => ({ postingId: r.postingId, name: r.name }))}
              preset={{ postingId: parseId(query.posting) ?? undefined, from: presetDay, to: presetDay }}
            />
          </Card>
        )}
        {signOffOffered && <SignOffForm teamId={grid.team.id} month={month} signed={Boolean(grid.signoff)} />}
      </div>
    </>
  );
}
