import 'server-only';
import { db, execute, rows } from '@/lib/db';
import { chinaToday } from '@/lib/time';
import { raiseWarnings } from './commands';
import { countiesWithHouseholds, lastJobDay, recordJobRun, WARNINGS_JOB } from './sql';

const CHECK_SECONDS = 3600;
const state = globalThis as unknown as { warningsJob?: boolean };

/**
 * Raises every county's (or these counties') early warnings for `today` unless the job already finished that day; whether it ran.
 * The day is kept in the database: at province scale the job takes minutes of the database's time, which a
 * server restarted the same day (a deploy, a crash) must not spend again.
 */
export async function runWarningsJob(today = chinaToday(), counties?: readonly string[]): Promise<boolean> {
  const [last] = await rows(db, lastJobDay(WARNINGS_JOB));
  if (last?.day === today) return false;
  const started = performance.now();
  for (const code of counties ?? (await rows(db, countiesWithHouseholds())).map((row) => row.code))
    await db.$transaction((tx) => raiseWarnings(tx, code, today), { timeout: 120_000, maxWait: 30_000 });
  await execute(db, recordJobRun(WARNINGS_JOB, today, (performance.now() - started) / 1000));
  return true;
}

/** Runs the job once a China day (idempotent: a rerun adds nothing), like the figures refresher. */
export function startWarningsJob() {
  if (state.warningsJob) return; // dev reloads re-run register()
  state.warningsJob = true;
  const tick = async () => {
    try {
      await runWarningsJob();
    } catch (error) {
      console.error('[monitoring] warnings failed', error);
    } finally {
      setTimeout(tick, CHECK_SECONDS * 1000).unref();
    }
  };
  setTimeout(tick, 30_000).unref(); // after the first figures refresh has started
}
