import 'server-only';
import { appendFileSync } from 'node:fs';
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
  const base = process.env.SQL_LOG_FILE
    ? logQueries(new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }), process.env.SQL_LOG_FILE)
    : new PrismaClient({ adapter });
  const client = base.$extends({
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

/**
 * The benchmark's view of what a page runs (`npm run bench` sets SQL_LOG_FILE): every statement with its parameters,
 * one JSON line each, so the same SQL can be run again as plain SQL. Off unless set.
 */
function logQueries(client: PrismaClient<'query'>, file: string): PrismaClient {
  client.$on('query', (event) =>
    appendFileSync(file, `${JSON.stringify({ query: event.query, params: event.params })}\n`),
  );
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

// ─────────────────────────── Reads on a replica ───────────────────────────
// With DATABASE_READ_URL (a streaming replica of the primary), reads that may be a moment old (dashboards,
// lists, exports) go there. A replica more than REPLICA_MAX_LAG_SECONDS behind is skipped, and a user who
// has just written reads the primary until any replica within that lag has their write (read-your-writes).

/** The cookie the action wrapper sets on a write (lib/action.ts): the time of the viewer's last write, in ms. */
export const WROTE_COOKIE = 'bangfu-wrote';

const globalForRead = globalThis as unknown as {
  replica?: { url: string; client: PrismaClient } | null;
  lag?: { checkedAt: number; seconds: number | null };
};

/** The most a replica may be behind and still serve reads (seconds; a deployment setting, 10 unless set). */
export function replicaMaxLagSeconds(): number {
  const value = Number(process.env.REPLICA_MAX_LAG_SECONDS ?? 10);
  return Number.isFinite(value) && value >= 0 ? value : 10;
}

/** How often the replica's lag is asked for (ms): at most once per interval per process. */
const LAG_CHECK_MS = 2000;

function replica(): PrismaClient | null {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return null;
  if (globalForRead.replica?.url !== url) {
    globalForRead.replica = { url, client: createClient(url) };
    globalForRead.lag = undefined;
  }
  return globalForRead.replica.client;
}

/**
 * Seconds the replica is behind: 0 when it has replayed all it received, else the age of the last transaction it
 * replayed; null when it cannot be asked (down) or is not a replica at all.
 */
async function replicaLag(client: PrismaClient): Promise<number | null> {
  const now = Date.now();
  if (globalForRead.lag && now - globalForRead.lag.checkedAt < LAG_CHECK_MS) return globalForRead.lag.seconds;
  let seconds: number | null = null;
  try {
    const [row] = await client.$queryRawUnsafe<{ lag: number | null; standby: boolean }[]>(
      `SELECT pg_is_in_recovery() AS standby,
              CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS lag`,
    );
    seconds = row?.standby ? (row.lag ?? null) : null;
  } catch {
    seconds = null; // down or unreachable: reads stay on the primary until it answers again
  }
  globalForRead.lag = { checkedAt: now, seconds };
  return seconds;
}

/** When the viewer last wrote (the action wrapper's cookie), or null outside a request or without one. */
async function lastWriteOfViewer(): Promise<number | null> {
  try {
    const { cookies } = await import('next/headers');
    const value = Number((await cookies()).get(WROTE_COOKIE)?.value);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null; // not in a request (a script, a test)
  }
}

/**
 * The client for reads that may be a moment old (dashboards, lists, exports): the replica when there is one, it is
 * at most REPLICA_MAX_LAG_SECONDS behind, and the viewer did not write within that time; else the primary. Writes
 * and whatever must see the latest state use `db`.
 */
export async function readDb(options: { wroteAt?: number | null } = {}): Promise<PrismaClient> {
  const client = replica();
  if (!client) return db;
  const maxLag = replicaMaxLagSeconds();
  const wroteAt = options.wroteAt !== undefined ? options.wroteAt : await lastWriteOfViewer();
  if (wroteAt !== null && Date.now() - wroteAt < (maxLag + 1) * 1000) return db;
  const lag = await replicaLag(client);
  return lag !== null && lag <= maxLag ? client : db;
}

/** Forgets the replica's client and its last lag (tests point DATABASE_READ_URL elsewhere). */
export async function resetReadReplica(): Promise<void> {
  const current = globalForRead.replica;
  globalForRead.replica = undefined;
  globalForRead.lag = undefined;
  await current?.client.$disconnect();
}

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
