// Errors an action handler throws on purpose; the action wrapper turns them into ActionState.
// Messages are keys into messages/*.json ("errors" namespace) so they follow the user's language.
import { notFound } from 'next/navigation';

export class NotFoundError extends Error {
  constructor() {
    super('errors.notFound');
  }
}

/** A rule refused the request. `field` puts the message beside that field. */
export class RefusedError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** For data functions: the record, or Next's notFound() (the 404 page; in actions and routes "not found"). */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}

// Next's forbidden() and notFound() throw errors with these digests; the action and route wrappers answer them.
const INTERRUPT_DIGEST = /^NEXT_HTTP_ERROR_FALLBACK;(403|404)$/;

/** 403 or 404 when `error` is Next's forbidden() or notFound(), else null. */
export function interruptStatus(error: unknown): 403 | 404 | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const match = typeof digest === 'string' ? INTERRUPT_DIGEST.exec(digest) : null;
  return match ? (Number(match[1]) as 403 | 404) : null;
}

/** The record changed since the user loaded it (optimistic locking). */
export class ConflictError extends Error {
  constructor() {
    super('errors.conflict');
  }
}

/** The digest lib/db.ts gives a "database unavailable" error; error.tsx shows "busy, retry" for it. */
export const DATABASE_BUSY_DIGEST = 'DATABASE_BUSY';

// PostgreSQL SQLSTATEs meaning "the server or the connection is gone or full", not "your data is wrong":
// class 08 (connection exception), 57P01-57P03 (shutdown / cannot connect now), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
// Socket errors of node's net module.
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  'ECONNABORTED',
]);
// Prisma codes: can't reach (P1001), timeout (P1002, P1008), server closed the connection (P1017),
// pool timeout (P2024), too many connections (P2037).
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
// Driver adapter error kinds (@prisma/adapter-pg), before Prisma turns them into P-codes.
const UNAVAILABLE_KIND = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// Errors node-postgres throws as plain Errors without a code (pool checkout timeout, socket closed mid-query),
// and Prisma's P2028 when no connection was free for a transaction within its maxWait.
const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|Connection terminated|connection (?:is )?(?:closed|ended)|Client has encountered a connection error|terminating connection due to administrator command|the database system is (?:shutting down|starting up)|Can't reach database server|Server has closed the connection|Unable to start a transaction in the given time/i;

/**
 * True when an error means the database cannot be used right now (down, restarting, connection killed, pool
 * exhausted), so the caller should answer "busy, retry later" (HTTP 503) rather than "unexpected error".
 * Looks through the wrappers Prisma and its pg adapter put around the driver's error (cause, meta).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== 'object' || depth > 6 || seen.has(value)) return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const name of ['code', 'originalCode']) {
      const code = record[name];
      if (
        typeof code === 'string' &&
        (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code) || UNAVAILABLE_PRISMA.has(code))
      )
        return true;
    }
    if (typeof record.kind === 'string' && UNAVAILABLE_KIND.has(record.kind)) return true;
    if (typeof record.message === 'string' && UNAVAILABLE_MESSAGE.test(record.message)) return true;
    for (const name of ['cause', 'meta', 'driverAdapterError', 'originalError']) {
      if (visit(record[name], depth + 1)) return true;
    }
    return Array.isArray(record.errors) && record.errors.some((inner) => visit(inner, depth + 1)); // AggregateError
  };
  return visit(error, 0);
}
