import 'server-only';
import { db, rows } from '@/lib/db';
import { chinaToday } from '@/lib/time';
import { raiseWarnings } from './commands';
import { countiesWithHouseholds } from './sql';

const CHECK_SECONDS = 3600;
const state = globalThis as unknown as { warningsJob?: boolean; warningsDay?: string };

/** Computes every county's early warnings once a China day (idempotent: a rerun adds nothing), like the figures refresher. */
export function startWarningsJob() {
  if (state.warningsJob) return; // dev reloads re-run register()
  state.warningsJob = true;
  const tick = async () => {
    const today = chinaToday();
    try {
      if (state.warningsDay !== today) {
        for (const { code } of await rows(db, countiesWithHouseholds()))
          await db.$transaction((tx) => raiseWarnings(tx, code, today), { timeout: 120_000, maxWait: 30_000 });
        state.warningsDay = today;
      }
    } catch (error) {
      console.error('[monitoring] warnings failed', error);
    } finally {
      setTimeout(tick, CHECK_SECONDS * 1000).unref();
    }
  };
  setTimeout(tick, 30_000).unref(); // after the first figures refresh has started
}
