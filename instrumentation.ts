// Runs once when a server starts: the background refresh of the dashboard figures, and the hourly
// removal of unclaimed uploads older than a day (uploads also sweep, but a quiet county has none).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.DATABASE_URL) return;
  // The benchmark turns them off while it records which statements each page runs.
  if (process.env.BACKGROUND_JOBS === 'off') return;
  const { startFiguresRefresher } = await import('./lib/figures/refresher');
  startFiguresRefresher();
  const { startWarningsJob } = await import('./lib/monitoring/refresher');
  startWarningsJob();
  const { removeStaleUploads } = await import('./lib/visits/commands');
  const sweep = () => {
    removeStaleUploads()
      .catch((error) => console.error('[uploads] stale upload sweep failed', error))
      .finally(() => setTimeout(sweep, 3_600_000).unref());
  };
  setTimeout(sweep, 60_000).unref();
}
