// Faults (issue 13, reliability): a PostgreSQL restart under traffic, a connection killed in the middle of an
// action's transaction, a check-in retried after a failure, and a pool with no free connection.
// Fixtures: this file's own villages (990102102 86x).

import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkIn } from '@/lib/attendance/actions';
import { createClient, db } from '@/lib/db';
import { DATABASE_BUSY_DIGEST, isDatabaseUnavailable } from '@/lib/errors';
import { freePort } from '../../scripts/cli';
import { startEmbeddedPostgres } from '../../scripts/embedded-db';
import { addDays, chinaToday, makePostedMember, makeTeam, removeTeamFixtures } from '../support/teams';
import { lastAudit, run, signInAs } from './helpers';

const BUSY = '系统繁忙，请稍后重试。';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let villageSerial = 860;

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
const adminReady = admin.connect();
afterAll(async () => {
  await removeTeamFixtures();
  await admin.end();
});

async function postedMember() {
  const day = chinaToday();
  const { team } = await makeTeam({ village: `990102102${++villageSerial}`, latitude: 34.5, longitude: 105.7 });
  const { posting, user } = await makePostedMember({ team, start: addDays(day, -30), plannedEnd: addDays(day, 300) });
  await signInAs(user.username);
  return { posting, user };
}
const recordsOf = (cadreId: number) => db.attendanceRecord.count({ where: { cadreId } });

describe('a PostgreSQL restart', () => {
  it('is survived under traffic: failures read "busy", and the same client works again without an app restart', async () => {
    const dir = `${process.env.TEST_PG_DIR ?? '.data/test-pg'}-restart`;
    const port = await freePort();
    let server = await startEmbeddedPostgres(dir, port);
    const client = createClient(await server.ensureDatabase('faults', true));
    try {
      await client.$queryRaw`SELECT 1`;
      const outcomes = { ok: 0, busy: 0, other: [] as string[] };
      let running = true;
      const traffic = Array.from({ length: 4 }, async () => {
        while (running) {
          try {
            await client.$queryRaw`SELECT count(*) FROM pg_class`;
            outcomes.ok++;
          } catch (error) {
            if (isDatabaseUnavailable(error) && (error as { digest?: string }).digest === DATABASE_BUSY_DIGEST)
              outcomes.busy++;
            else outcomes.other.push(String(error));
          }
          await sleep(20);
        }
      });
      await sleep(300);
      await server.stop(); // fast shutdown: every open connection is cut
      await sleep(500);
      server = await startEmbeddedPostgres(dir, port);
      await sleep(300);
      running = false;
      await Promise.all(traffic);
      expect(outcomes.other).toEqual([]);
      expect(outcomes.busy).toBeGreaterThan(0);
      expect(outcomes.ok).toBeGreaterThan(0);
      // Every query after the restart succeeds: broken connections were dropped from the pool, not reused.
      for (let i = 0; i < 20; i++)
        expect(await client.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      await expect(client.$transaction(async (tx) => tx.$queryRaw`SELECT 2 AS two`)).resolves.toEqual([{ two: 2 }]);
    } finally {
      await client.$disconnect();
      await server.stop();
    }
  }, 60_000);
});

describe('a connection killed in the middle of an action', () => {
  afterEach(() => admin.query('ROLLBACK').catch(() => {}));

  it('writes nothing and tells the user to retry; the retried check-in is stored once', async () => {
    await adminReady;
    const { posting, user } = await postedMember();
    // Hold the audit table so the check-in stops after writing its record, inside its transaction.
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
    const pending = run(checkIn, { latitude: 34.5, longitude: 105.7, accuracy: 20 });
    let victim: number | undefined;
    for (let i = 0; i < 100 && !victim; i++) {
      await sleep(50);
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT a.pid FROM pg_stat_activity a
          WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()
            AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.relation = 'attendance_record'::regclass AND l.mode = 'RowExclusiveLock')`,
      );
      victim = rows[0]?.pid;
    }
    expect(victim, 'the check-in wrote its record and waits on the audit row').toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [victim]);
    await admin.query('COMMIT');
    const state = await pending;
    expect(state).toMatchObject({ ok: false, formError: BUSY });
    expect(await recordsOf(posting.cadreId)).toBe(0); // the record went with the connection: never half
    expect(await lastAudit('attendance.checkIn')).toMatchObject({
      result: 'ERROR',
      userId: user.id,
      message: 'database unavailable',
    });

    // The phone sends it again (twice, and twice at once): one record.
    expect((await run(checkIn, { latitude: 34.5, longitude: 105.7, accuracy: 20 })).ok).toBe(true);
    const again = await Promise.all([1, 2].map(() => run(checkIn, { latitude: 34.5, longitude: 105.7, accuracy: 20 })));
    expect(again.map((s) => s.ok)).toEqual([true, true]);
    expect(await recordsOf(posting.cadreId)).toBe(1);
  });
});

describe('a pool with no free connection', () => {
  it('gives up within the connect timeout with a "busy" error instead of hanging', async () => {
    const saved = { size: process.env.DB_POOL_SIZE, timeout: process.env.DB_CONNECT_TIMEOUT_MS };
    process.env.DB_POOL_SIZE = '1';
    process.env.DB_CONNECT_TIMEOUT_MS = '1000';
    const client = createClient();
    process.env.DB_POOL_SIZE = saved.size;
    process.env.DB_CONNECT_TIMEOUT_MS = saved.timeout;
    if (saved.size === undefined) delete process.env.DB_POOL_SIZE;
    if (saved.timeout === undefined) delete process.env.DB_CONNECT_TIMEOUT_MS;
    try {
      const holder = client.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(4)`, { timeout: 10_000 });
      await sleep(300);
      const started = Date.now();
      const error = await client.$queryRaw`SELECT 1`.then(
        () => null,
        (e: unknown) => e,
      );
      const waited = Date.now() - started;
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect((error as { digest?: string }).digest).toBe(DATABASE_BUSY_DIGEST);
      expect(waited).toBeGreaterThanOrEqual(900);
      expect(waited).toBeLessThan(3000);
      await holder;
      await expect(client.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]); // and it comes back
    } finally {
      await client.$disconnect();
    }
  });

  it('an action answers "busy, retry" within seconds and writes nothing', async () => {
    const { posting } = await postedMember();
    const size = Number(process.env.DB_POOL_SIZE ?? 10);
    const holders = Array.from({ length: size }, () =>
      db.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(3)`, { timeout: 10_000 }),
    );
    await sleep(500);
    const started = Date.now();
    const state = await run(checkIn, { latitude: 34.5, longitude: 105.7, accuracy: 20 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(state).toMatchObject({ ok: false, formError: BUSY });
    await Promise.all(holders);
    expect(await recordsOf(posting.cadreId)).toBe(0);
    expect((await run(checkIn, { latitude: 34.5, longitude: 105.7, accuracy: 20 })).ok).toBe(true);
  });
});
