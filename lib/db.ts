import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { DATABASE_BUSY_DIGEST, isDatabaseUnavailable } from '@/lib/errors';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { Query } from './sql';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Marks an error that means "database down, restarting or every connection busy" with a digest Next keeps
 * (it respects an error's own digest), so the error page can say "busy, retry" instead of "unexpected error".
 */
function markBusy(error: unknown): unknown {
  if (isDatabaseUnavailable(error) && error && typeof error === 'object')
    (error as { digest?: string }).digest = DATABASE_BUSY_DIGEST;
  return error;
}

/** The app's client; exported so the fault tests can point one at a server they stop and start. */
export function createClient(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error('DATABASE_URL is not set (start the app with `npm start`).');
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    // With every connection busy (or PostgreSQL unreachable), a request gives up after this long and the
    // user reads "busy, retry" instead of a page that hangs. node-postgres drops broken connections from the
    // pool by itself, so the app recovers from a database restart without being restarted.
    connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5000),
  });
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw markBusy(error);
        }
      },
    },
  });
  return client as unknown as PrismaClient;
}

// One client per process, made on first use (not at import: `next build` loads pages without a database).
// Dev reloads keep it on globalThis so connections are not leaked.
const globalForDb = globalThis as unknown as { db?: PrismaClient };
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = (globalForDb.db ??= createClient());
    const value = Reflect.get(client, property);
    if (property === '$transaction') {
      // Starting a transaction can fail before any operation runs (no free connection).
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>)
          .apply(client, args)
          .catch((error: unknown) => Promise.reject(markBusy(error)));
    }
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

// Typed SQL: queries are built with lib/sql.ts (no server-only, so the benchmark can build the same queries);
// rows() and execute() below are the only *Unsafe calls.

/** Runs a query and returns its rows, typed as the query declares. */
export function rows<Row>(client: Db | Tx, query: Query<Row>): Promise<Row[]> {
  return client.$queryRawUnsafe<Row[]>(query.text, ...query.values);
}

/** Runs a statement and returns the number of rows it changed. */
export function execute(client: Db | Tx, query: Query<unknown>): Promise<number> {
  return client.$executeRawUnsafe(query.text, ...query.values);
}
