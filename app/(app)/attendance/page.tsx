import { getFormatter, getTranslations } from 'next-intl/server';
import { CheckInButton } from '@/components/attendance/check-in-button';
import { YearProgress } from '@/components/attendance/year-progress';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { myAttendance } from '@/lib/attendance/data';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';

export default async function MyAttendancePage() {
  const viewer = await requirePermission('attendance.checkin'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <MyAttendanceContent viewer={viewer} />
    </PageBody>
  );
}

async function MyAttendanceContent({ viewer }: { viewer: Viewer }) {
  const [mine, t, format] = await Promise.all([myAttendance(viewer), getTranslations(), getFormatter()]);
  if (!mine?.posting) {
    return (
      <>
        <PageHeader title={t('attendance.title')} />
        <Card>
          <p className="text-sm text-slate-700">{mine ? t('attendance.notPostedTitle') : t('attendance.notLinked')}</p>
        </Card>
      </>
    );
  }
  const record = mine.todayRecord;
  const time = (at: Date | null) => (at ? format.dateTime(at, { hour: '2-digit', minute: '2-digit' }) : '');
  const locationText = (check: string | null) =>
    check === 'INSIDE'
      ? t('attendance.locationInside')
      : check === 'OUTSIDE'
        ? t('attendance.locationOutside')
        : check === 'NONE'
          ? t('attendance.locationNone')
          : '';
  const done = record && (mine.evening ? record.nightCheckinAt : record.checkinAt);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader
        title={t('attendance.title')}
        description={`${mine.name} · ${mine.posting.villageName} · ${t(`teams.roles.${mine.posting.role}`)}`}
      />
      <Card title={mine.today}>
        <div className="space-y-3" data-testid="today">
          {!record && <p className="text-sm text-slate-700">{t('attendance.todayNone')}</p>}
          {record?.checkinAt && (
            <p className="text-sm">
              {t('attendance.todayDay')} {time(record.checkinAt)} ·{' '}
              <span data-location={record.location}>{locationText(record.location)}</span>
            </p>
          )}
          {record?.nightCheckinAt && (
            <p className="text-sm">
              {t('attendance.todayNight')} {time(record.nightCheckinAt)} ·{' '}
              <span data-location={record.nightLocation}>{locationText(record.nightLocation)}</span>
            </p>
          )}
          {record && !record.checkinAt && !record.nightCheckinAt && (
            <p className="text-sm">{t('attendance.todayAway', { kind: t(`attendance.kinds.${record.kind}`) })}</p>
          )}
          {!mine.posting.villageHasPoint && <p className="text-sm text-amber-800">{t('attendance.noVillagePoint')}</p>}
          <CheckInButton evening={mine.evening} done={Boolean(done) || mine.signedOff} />
        </div>
      </Card>
      {mine.summary && (
        <Card title={t('attendance.myYear')}>
          <YearProgress summary={mine.summary} marked={mine.marked} />
          {mine.leaderMonth && (
            <p className="mt-3 text-sm">
              {t('attendance.leaderMonth', { done: mine.leaderMonth.done, required: mine.leaderMonth.required })} ·{' '}
              {t(`attendance.leaderStatuses.${mine.leaderMonth.status}`)}
            </p>
          )}
        </Card>
      )}
      <Card title={t('attendance.recent')}>
        <ul className="divide-y divide-slate-100 text-sm">
          {mine.recent.map((day) => (
            <li key={day.date} className="flex justify-between py-1.5">
              <span className="tabular-nums text-slate-600">{day.date}</span>
              <span className={day.marked ? 'font-medium text-amber-700' : ''}>
                {day.kind ? t(`attendance.kinds.${day.kind}`) : '—'}
                {day.marked ? ` · ${t('attendance.marked')}` : ''}
              </span>
            </li>
          ))}
        </ul>
        <TextLink href={`/teams/${mine.posting.teamId}/attendance`} className="mt-3 inline-block text-sm">
          {t('teams.monthGrid')}
        </TextLink>
      </Card>
    </div>
  );
}
