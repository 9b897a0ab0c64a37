import { getTranslations } from 'next-intl/server';
import type { YearSummary } from '@/lib/attendance/rules';
import { formatPercent, percent } from '@/lib/figures/rules';
import { AttendanceBadge } from './attendance-badge';

function Bar({ done, required, label }: { done: number; required: number; label: string }) {
  const share = Math.min(100, percent(done, required));
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-slate-500">{formatPercent(share)}</span>
      </div>
      <div
        className="mt-1 h-2 rounded-full bg-slate-100"
        role="progressbar"
        aria-valuenow={done}
        aria-valuemin={0}
        aria-valuemax={required}
        aria-label={label}
      >
        <div className="h-2 rounded-full bg-brand-600" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

/** Days and nights against the year's requirement, with the projection and the status. */
export async function YearProgress({ summary, marked }: { summary: YearSummary; marked: number }) {
  const t = await getTranslations('attendance');
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <span className="text-sm text-slate-600">
          {t('year')} {summary.year}
        </span>
        <AttendanceBadge status={summary.status} />
      </div>
      <Bar
        done={summary.days.done}
        required={summary.days.required}
        label={t('daysOf', { done: summary.days.done, required: summary.days.required })}
      />
      <Bar
        done={summary.nights.done}
        required={summary.nights.required}
        label={t('nightsOf', { done: summary.nights.done, required: summary.nights.required })}
      />
      {summary.days.projected !== null && summary.nights.projected !== null && (
        <p className="text-sm text-slate-600">
          {t('projectedOf', { days: summary.days.projected, nights: summary.nights.projected })}
        </p>
      )}
      <dl className="grid grid-cols-3 gap-2 text-center text-sm">
        <div className="rounded bg-slate-50 p-2">
          <dt className="text-slate-500">{t('away')}</dt>
          <dd className="tabular-nums">{Object.values(summary.away).reduce((a, b) => a + b, 0)}</dd>
        </div>
        <div className="rounded bg-slate-50 p-2">
          <dt className="text-slate-500">{t('unrecorded')}</dt>
          <dd className="tabular-nums">{summary.unrecorded}</dd>
        </div>
        <div className="rounded bg-slate-50 p-2">
          <dt className="text-slate-500">{t('marked')}</dt>
          <dd className={`tabular-nums ${marked > 0 ? 'font-semibold text-amber-700' : ''}`}>{marked}</dd>
        </div>
      </dl>
    </div>
  );
}
