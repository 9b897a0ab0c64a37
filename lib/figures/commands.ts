// Figures are kept per village in village_figures and recomputed when a write marks a village stale
// (database triggers fill figures_stale) or when a new day starts (visit periods and attendance
// projections move with the date). The server refreshes in the background every REFRESH_SECONDS
// (lib/figures/refresher.ts), and a page that reads them (the dashboard, the visits page) first refreshes the
// stale villages of its own area (refreshStaleOf).
import 'server-only';
import { complianceRowsOfVillages, MISSING_STATUSES, missedAMonth, OK_STATUSES } from '@/lib/attendance/data';
import { db, execute, rows } from '@/lib/db';
import { chinaToday } from '@/lib/time';
import {
  anyStale,
  clearStaleMarks,
  dropCountySums,
  dropFiguresExcept,
  dropMonthFigures,
  insertMonthFigures,
  notComputedToday,
  rollUpCounty,
  snake,
  staleMarks,
  tryRefreshLock,
  upsertFigures,
  upsertYearFigures,
  villageFigures,
  villageMonthFigures,
  waitRefreshLock,
} from './sql';

export const REFRESH_SECONDS = 20;

type Attendance = {
  members: number;
  membersOnTrack: number;
  membersAtRisk: number;
  membersShort: number;
  markedCheckins: number;
  monthRuleMembers: number;
  monthRuleMissed: number;
};
const noAttendance = (): Attendance => ({
  members: 0,
  membersOnTrack: 0,
  membersAtRisk: 0,
  membersShort: 0,
  markedCheckins: 0,
  monthRuleMembers: 0,
  monthRuleMissed: 0,
});

/**
 * Recomputes up to `limit` villages of the area: those a write marked stale, and (unless `onlyStale`)
 * those not yet computed today. One refresh runs at a time: with `wait` it queues for its turn (the
 * background loop), else it returns `busy` at once, holding no connection while another one runs.
 */
export async function refreshFigures(options: {
  area?: string;
  onlyStale?: boolean;
  limit: number;
  wait?: boolean;
}): Promise<{ refreshed: number; remaining: number; busy: boolean }> {
  const prefix = `${options.area ?? ''}%`;
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  return db.$transaction(
    async (tx) => {
      if (options.wait) await execute(tx, waitRefreshLock());
      else {
        const [{ locked }] = await rows(tx, tryRefreshLock());
        if (!locked) return { refreshed: 0, remaining: 0, busy: true };
      }
      const marks = await rows(tx, staleMarks(prefix, options.limit * 50));
      const rollover = options.onlyStale
        ? []
        : await rows(tx, notComputedToday(prefix, today, year, options.limit + 1));
      const due = [...new Set([...marks.map((m) => m.code), ...rollover.map((r) => r.code)])];
      const codes = due.slice(0, options.limit);
      if (codes.length === 0) return { refreshed: 0, remaining: 0, busy: false };
      await execute(tx, clearStaleMarks(codes));
      // The reads are most of a refresh: half the villages on this connection, the other half and the rest on
      // others, so the database works on both cores. Begun after the marks were cleared, each sees every write
      // whose mark it cleared (read committed), as this transaction's own statements do.
      const half = Math.ceil(codes.length / 2);
      const [firstHalf, secondHalf, months, compliance] = await Promise.all([
        rows(tx, villageFigures(codes.slice(0, half), year, today)),
        rows(db, villageFigures(codes.slice(half), year, today)),
        rows(db, villageMonthFigures(codes, year)),
        complianceRowsOfVillages(codes, year),
      ]);
      const figureRows = [...firstHalf, ...secondHalf];
      const attendance = new Map<string, Attendance>();
      for (const person of compliance) {
        const a = attendance.get(person.villageCode) ?? noAttendance();
        a.members++; // everyone on the compliance list, including a posting not yet begun
        if (person.summary.status === 'AT_RISK') a.membersAtRisk++;
        else if (MISSING_STATUSES.includes(person.summary.status)) a.membersShort++;
        else if (OK_STATUSES.includes(person.summary.status)) a.membersOnTrack++;
        a.markedCheckins += person.marked;
        if (person.monthRule) a.monthRuleMembers++;
        if (missedAMonth(person)) a.monthRuleMissed++;
        attendance.set(person.villageCode, a);
      }
      const computedAt = new Date().toISOString();
      const records = figureRows.map((row) => ({
        ...row,
        ...Object.fromEntries(
          Object.entries(attendance.get(row.code) ?? noAttendance()).map(([k, v]) => [snake(k), v]),
        ),
        village_code: row.code,
        year,
        computed_on: today,
        computed_at: computedAt,
      }));
      await execute(
        tx,
        dropFiguresExcept(
          codes,
          records.map((r) => r.village_code),
        ),
      );
      await execute(tx, upsertFigures(records));
      await execute(tx, upsertYearFigures(records));
      await execute(tx, dropMonthFigures(codes));
      await execute(tx, insertMonthFigures(months.map((m) => ({ ...m, village_code: m.code }))));
      // Their counties' sums, from the rows just written: a city and the province read these.
      const counties = [...new Set(codes.map((code) => code.slice(0, 6)))];
      for (const statement of dropCountySums(counties)) await execute(tx, statement);
      for (const county of counties) for (const statement of rollUpCounty(county)) await execute(tx, statement);
      return { refreshed: codes.length, remaining: due.length - codes.length, busy: false };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

// Stale villages refreshed before kept figures are shown: a few recent writes, not a whole day's rollover.
const REFRESH_ON_READ = 60;

/**
 * Recent writes in the area, before its kept figures are read. A plain read first: most requests find
 * nothing stale and need no transaction. When another refresh is running, waits a little for it
 * (without holding a connection); after that the page shows the villages still pending.
 */
export async function refreshStaleOf(prefix: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [{ stale }] = await rows(db, anyStale(prefix));
    if (!stale || !(await refreshFigures({ area: prefix, onlyStale: true, limit: REFRESH_ON_READ })).busy) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
