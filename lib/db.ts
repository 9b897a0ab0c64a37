import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { DATABASE_BUSY_DIGEST, isDatabaseUnavailable } from '@/lib/errors';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

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

// Typed SQL. Raw SQL lives in lib/<domain>/sql.ts as functions returning Query<Row>: the statement text
// with $1…$n parameters, its values, and the type of its rows declared beside it. The app runs them
// through rows()/execute() below (the only *Unsafe calls); the benchmark runs the same text and values
// through plain pg for its floors.

/** A SQL statement, its parameter values and (for the type checker) the type of the rows it returns. */
export type Query<Row = never> = { readonly text: string; readonly values: readonly unknown[]; readonly row?: Row };
/** A piece of SQL to splice into a query: a nested sql`` fragment, joined fragments or a fixed keyword. */
export type Fragment = Prisma.Sql;

/** Builds a query: interpolated values become parameters (never spliced text); nested fragments splice. */
export function sql<Row = never>(strings: TemplateStringsArray, ...values: unknown[]): Query<Row> & Fragment {
  return Prisma.sql(strings, ...(values as Prisma.Sql[])) as Query<Row> & Fragment;
}
/** Fragments joined by `separator` (e.g. a list of VALUES rows). */
export const joinSql = (parts: readonly unknown[], separator = ', '): Fragment => Prisma.join(parts, separator);
/** Fixed SQL text, never user input (a table name chosen from a closed list). */
export const rawSql = (text: string): Fragment => Prisma.raw(text);
export const emptySql: Fragment = Prisma.empty;

/** Runs a query and returns its rows, typed as the query declares. */
export function rows<Row>(client: Db | Tx, query: Query<Row>): Promise<Row[]> {
  return client.$queryRawUnsafe<Row[]>(query.text, ...query.values);
}

/** Runs a statement and returns the number of rows it changed. */
export function execute(client: Db | Tx, query: Query<unknown>): Promise<number> {
  return client.$executeRawUnsafe(query.text, ...query.values);
}
