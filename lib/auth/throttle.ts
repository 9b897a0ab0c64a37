// Limits on guessing, besides the per-account lockout (5 wrong passwords, lib/auth/password.ts):
// one client address trying many accounts, and a signed-in user guessing their current password.
// The counts live in PostgreSQL (table login_throttle, lib/auth/data.ts) so they hold across
// processes and restarts; this file holds the rules and how a request's address is found.

export type ThrottleRule = { max: number; windowMs: number; blockMs: number };

/** 20 failed sign-ins from one address within 15 minutes block that address for 15 minutes. */
export const ADDRESS_RULE: ThrottleRule = { max: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
/** 5 wrong current passwords in a password change within 15 minutes block the change for 15 minutes. */
export const PASSWORD_CHECK_RULE: ThrottleRule = { max: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export const addressKey = (address: string) => `address:${address}`.slice(0, 120);
export const passwordCheckKey = (userId: number) => `password:${userId}`;

/** Whole minutes until `until`, at least 1. */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/**
 * The address of the client, from X-Forwarded-For. `next start` sets that header to the socket's
 * address only when the request has none (`??=` in next/dist/server/base-server.js), so on its own a
 * client could name any address. scripts/peer-address.cjs (loaded into the server by `npm start`)
 * therefore appends the socket's address to every request's header, as a proxy would. With
 * TRUSTED_PROXY_HOPS=n (default 0: no proxy in front) the n proxies nearest the server are trusted
 * to have appended their peer in turn, so the client is the entry n places from the end; entries
 * further left are whatever the client chose to send and are never used.
 */
export function clientAddress(forwardedFor: string | null, trustedHops = trustedProxyHops()): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = entries[entries.length - 1 - trustedHops] ?? entries[0];
  return address ? address.replace(/^::ffff:/, '') : 'unknown';
}

function trustedProxyHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}
