// Issue 20: reads on a replica. A real streaming replica of the embedded test server (base backup, standby.signal):
// a row written on the primary is read through the app's read path from the replica; the writer's own next read goes
// to the primary (read-your-writes); a replica further behind than REPLICA_MAX_LAG_SECONDS is skipped.
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, readDb, resetReadReplica } from '@/lib/db';
import { fundYearView } from '@/lib/projects/data';
import { freePort, type Replica, startReplica } from '../support/replica';
import { signInAs } from './helpers';

// An external server (TEST_DATABASE_URL, SEEDED_DATABASE_URL) has no data directory here to copy.
const embedded = !process.env.TEST_DATABASE_URL && !process.env.SEEDED_DATABASE_URL;
const YEAR = 2043;
let replica: Replica;
let replicaClient: pg.Client;

const isStandby = async (client: Awaited<ReturnType<typeof readDb>>) =>
  (await client.$queryRawUnsafe<{ standby: boolean }[]>('SELECT pg_is_in_recovery() AS standby'))[0].standby;

describe.skipIf(!embedded)('reads on a streaming replica', () => {
  beforeAll(async () => {
    replica = await startReplica({
      primaryUrl: process.env.DATABASE_URL!,
      primaryDir: path.resolve(process.env.TEST_PG_DIR ?? '.data/test-pg'),
      port: await freePort(),
    });
    replicaClient = new pg.Client({ connectionString: replica.url });
    await replicaClient.connect();
  }, 120_000);

  afterAll(async () => {
    delete process.env.DATABASE_READ_URL;
    delete process.env.REPLICA_MAX_LAG_SECONDS;
    await resetReadReplica();
    await replicaClient?.query('SELECT pg_wal_replay_resume()').catch(() => {});
    await replicaClient?.end();
    await replica?.stop();
    await db.fundYear.deleteMany({ where: { countyCode: '990102', year: YEAR } });
  }, 60_000);

  it('serves the app’s reads from the replica once the row is there, the writer’s from the primary', async () => {
    await db.fundYear.create({ data: { countyCode: '990102', year: YEAR, complaintPhone: '0000-replica' } });
    const replicated = async () =>
      (await replicaClient.query('SELECT 1 FROM fund_year WHERE county_code = $1 AND year = $2', ['990102', YEAR]))
        .rowCount;
    await expect.poll(replicated, { timeout: 20_000 }).toBe(1);

    process.env.DATABASE_READ_URL = replica.url;
    process.env.REPLICA_MAX_LAG_SECONDS = '2';
    await resetReadReplica();
    expect(await isStandby(await readDb())).toBe(true);
    // The app's read path (the shares page) reads the replicated row from the replica.
    const county = await signInAs('county');
    expect(await fundYearView(county, YEAR)).toMatchObject({ complaintPhone: '0000-replica', entered: true });
    // Who has just written reads the primary.
    expect(await isStandby(await readDb({ wroteAt: Date.now() }))).toBe(false);
    expect(await isStandby(await readDb({ wroteAt: Date.now() - 10_000 }))).toBe(true);
  });

  it('skips a replica that falls further behind than allowed, and uses it again once it catches up', async () => {
    await replicaClient.query('SELECT pg_wal_replay_pause()');
    await db.fundYear.update({
      where: { countyCode_year: { countyCode: '990102', year: YEAR } },
      data: { complaintPhone: '0001-paused' },
    });
    await new Promise((resolve) => setTimeout(resolve, 3500)); // more than the 2 s allowed
    await resetReadReplica();
    expect(await isStandby(await readDb())).toBe(false);
    expect((await fundYearView(await signInAs('county'), YEAR))?.complaintPhone).toBe('0001-paused');

    await replicaClient.query('SELECT pg_wal_replay_resume()');
    await expect
      .poll(
        async () => {
          await resetReadReplica();
          return isStandby(await readDb());
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect((await fundYearView(await signInAs('county'), YEAR))?.complaintPhone).toBe('0001-paused');
  });
});
