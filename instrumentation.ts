// Runs once when a server starts: the background refresh of the dashboard figures.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.DATABASE_URL) return;
  const { startFiguresRefresher } = await import('./lib/dashboard/refresher');
  startFiguresRefresher();
}
