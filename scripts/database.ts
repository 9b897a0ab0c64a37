// Where the app's data lives: DATABASE_URL when set (external PostgreSQL), otherwise the embedded server.
import { startEmbeddedPostgres } from './embedded-db';

export const EMBEDDED_DATA_DIR = process.env.EMBEDDED_PG_DIR ?? '.data/pg';
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

export type Database = { url: string; embedded: boolean; stop(): Promise<void> };

export async function openDatabase(name = 'bangfu', options: { fresh?: boolean } = {}): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres(EMBEDDED_DATA_DIR, EMBEDDED_PORT);
  const url = await server.ensureDatabase(name, options.fresh);
  return { url, embedded: true, stop: () => server.stop() };
}
