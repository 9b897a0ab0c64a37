import 'server-only';
import { REFRESH_SECONDS, refreshFigures } from './commands';

const BATCH = 200;
const state = globalThis as unknown as { figuresRefresher?: boolean };

/** Keeps every village's figures current: written-to villages first, then a new day's recomputation, in batches. */
export function startFiguresRefresher() {
  if (state.figuresRefresher) return; // dev reloads re-run register()
  state.figuresRefresher = true;
  const tick = async () => {
    try {
      while ((await refreshFigures({ limit: BATCH, wait: true })).remaining > 0);
    } catch (error) {
      console.error('[figures] refresh failed', error);
    } finally {
      setTimeout(tick, REFRESH_SECONDS * 1000).unref();
    }
  };
  void tick();
}
