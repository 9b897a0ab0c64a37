// The app's database for maintenance commands (audit:verify, backup, restore): DATABASE_URL when set;
// otherwise the embedded server, used as it is when `npm start` already runs it (a second postmaster
// cannot open the same folder), or started just for the command.
import pg from 'pg';
import { type Database, EMBEDDED_DATA_DIR, EMBEDDED_PORT, openDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-db';

const embeddedUrl = (name: string) => `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/${name}`;

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The named database (must exist, except with DATABASE_URL, which names it itself). */
export async function openMaintenanceDatabase(name = 'bangfu'): Promise<Database> {
  if (process.env.DATABASE_URL || !(await answers(embeddedUrl('postgres')))) return openDatabase(name);
  return { url: embeddedUrl(name), embedded: true, stop: async () => {} };
}

/** The server's maintenance database and a way to name others on it: for restoring into a new database. */
export async function openMaintenanceServer(): Promise<{ urlFor(name: string): string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const urlFor = (name: string) =>
      Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
    return { urlFor, stop: async () => {} };
  }
  if (await answers(embeddedUrl('postgres'))) return { urlFor: embeddedUrl, stop: async () => {} };
  const server = await startEmbeddedPostgres(EMBEDDED_DATA_DIR, EMBEDDED_PORT);
  return { urlFor: server.urlFor, stop: () => server.stop() };
}

/** Hides the password when a URL is printed. */
export const safeUrl = (url: string) => url.replace(/:[^:@/]+@/, ':***@');
